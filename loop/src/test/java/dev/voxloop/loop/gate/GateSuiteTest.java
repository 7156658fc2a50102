package dev.voxloop.loop.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voxloop.core.loop.GateConfig;
import dev.voxloop.guard.policy.ToolUseRules;
import dev.voxloop.loop.fixture.Guarded;
import dev.voxloop.loop.fixture.TestSandbox;
import dev.voxloop.loop.fixture.TempRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GateSuiteTest {

    @TempDir
    Path tmp;

    private static final String REPORT = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE report PUBLIC "-//JACOCO//DTD Report 1.1//EN" "report.dtd">
            <report name="x"><package name="a"><sourcefile name="B.java">
            <line nr="3" mi="0" ci="4" mb="0" cb="0"/><line nr="4" mi="3" ci="0" mb="0" cb="0"/>
            <line nr="5" mi="2" ci="0" mb="0" cb="0"/><line nr="9" mi="2" ci="0" mb="0" cb="0"/>
            </sourcefile></package></report>
            """;

    @Test
    void coverageCountsOnlyChangedExecutableLines() throws Exception {
        TempRepo repo = new TempRepo(tmp);
        repo.write("src/main/java/a/B.java", "class B {\n  // 2\n  int x;\n  int y;\n  int z;\n}\n")
                .write("report.xml", REPORT);
        String base = repo.commit("A-1: base");
        repo.write("src/main/java/a/B.java", "class B {\n  // 2\n  int x = 1;\n  int y = 2;\n  int z = 3;\n  // 6\n}\n");
        GateSuite gates = new GateSuite(new ToolUseRules(), TestSandbox.direct());
        GateConfig strict = new GateConfig("true", "", "mkdir -p target && cp report.xml target/cov.xml",
                "target/cov.xml", 80, base, List.of(), Duration.ofSeconds(30));

        GateResult r = gates.coverage(new dev.voxloop.loop.workspace.Git(repo.work), strict);
        assertThat(r.passed()).isFalse();
        assertThat(r.detail()).contains("1/3 changed lines covered (33%").contains("src/main/java/a/B.java lines [4, 5]");

        GateConfig lenient = new GateConfig("true", "", strict.coverageCommand(), "target/cov.xml", 30, base,
                List.of(), Duration.ofSeconds(30));
        assertThat(gates.coverage(new dev.voxloop.loop.workspace.Git(repo.work), lenient).passed()).isTrue();
    }

    @Test
    void failingTestsAreNamedAndAllGatesReport() throws Exception {
        TempRepo repo = new TempRepo(tmp);
        repo.write("t.sh", "echo 'PASS A.one'; echo 'FAIL A.two: boom'; echo '[ERROR]   BTest.three:12 expected'; "
                + "exit 1\n");
        String base = repo.commit("A-1: base");
        GateSuite.Verdict v = new GateSuite(new ToolUseRules(), TestSandbox.direct()).evaluate(repo.work,
                new GateConfig("sh t.sh", "false", "", null, 80,
                base, List.of(), Duration.ofSeconds(30)));
        assertThat(v.passed()).isFalse();
        assertThat(v.failingTests()).containsExactly("A.two", "BTest.three");
        assertThat(v.summary()).isEqualTo("protected-files ok; tests-not-weakened ok; acceptance ok; tests FAILED;"
                + " lint FAILED; coverage ok");
        assertThat(v.feedback()).contains("### tests").contains("### lint").doesNotContain("### coverage");
        assertThat(Files.exists(repo.work.resolve(".git/voxloop"))).isTrue();
    }

    @Test
    void commandGatesThatPassedOnTheSameFilesInTheSandboxAreNotRunTwice() throws Exception {
        TempRepo repo = new TempRepo(tmp.resolve("repo"));
        repo.write("t.sh", "test -f done.txt && echo 'all tests passed'\n");
        String base = repo.commit("A-1: base");
        repo.write("done.txt", "yes\n");
        GateSuite gates = new GateSuite(new ToolUseRules(), Guarded.sandbox(tmp.resolve("homes"), e -> { }));
        GateConfig cfg = new GateConfig("sh t.sh", "true", "", null, 80, base, List.of(), Duration.ofSeconds(30));

        GateSuite.Verdict stopHook = gates.evaluate(repo.work, cfg);
        Files.writeString(repo.work.resolve("CURRENT_TASK.md"), "| 1 | progress log row |\n");
        GateSuite.Verdict verification = gates.evaluate(repo.work, cfg);
        repo.write("more.txt", "changed\n");
        GateSuite.Verdict afterAChange = gates.evaluate(repo.work, cfg);

        assertThat(stopHook.passed()).isTrue();
        assertThat(stopHook.results().get(3).detail()).doesNotContain("not run again");
        assertThat(verification.passed()).isTrue();
        assertThat(verification.results().get(3).detail()).contains("passed").contains("not run again");
        assertThat(verification.commandMillis()).isLessThan(stopHook.commandMillis());
        assertThat(afterAChange.results().get(3).detail()).doesNotContain("not run again");
    }

    @Test
    void aFailureAndTheUnisolatedBackendAreAlwaysRunAgain() throws Exception {
        TempRepo repo = new TempRepo(tmp.resolve("repo"));
        repo.write("t.sh", "test -f done.txt\n");
        String base = repo.commit("A-1: base");
        GateConfig cfg = new GateConfig("sh t.sh", "", "", null, 80, base, List.of(), Duration.ofSeconds(30));
        GateSuite isolated = new GateSuite(new ToolUseRules(), Guarded.sandbox(tmp.resolve("homes"), e -> { }));
        assertThat(isolated.evaluate(repo.work, cfg).passed()).isFalse();
        repo.write("done.txt", "yes\n").commit("A-1: done");
        GateSuite direct = new GateSuite(new ToolUseRules(), TestSandbox.direct());
        direct.evaluate(repo.work, cfg);

        assertThat(direct.evaluate(repo.work, cfg).results().get(3).detail()).doesNotContain("not run again");
    }
}

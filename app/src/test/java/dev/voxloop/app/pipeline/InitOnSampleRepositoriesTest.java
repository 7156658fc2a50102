package dev.voxloop.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voxloop.app.init.Samples;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code voxloop init --yes} on a small repository of each build tool, as a person runs it: the proposed commands
 * run for real where the tool is installed on this machine, and init says "detected only" where it is not; the
 * configuration names the project and its commands, and a second run changes nothing.
 */
@Tag("slow")
class InitOnSampleRepositoriesTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "maven, mvn, mvn -B -q test",
            "npm, npm, npm test",
            "python, python3, python3 -m pytest -q",
            "cargo, cargo, cargo test --quiet",
            "gradle, gradle, gradle -q test",
            "go, go, go test ./...",
            "pnpm, pnpm, pnpm test",
            "yarn, yarn, yarn test"})
    void initProposesRunsAndWritesOnce(String sample, String binary, String test) throws Exception {
        Path repo = Samples.repository(sample, dir.resolve(sample));
        Path config = dir.resolve("voxloop.yaml");
        // ruff is not part of the machine's tools: the Python lint command is left out rather than failing
        String[] lint = sample.equals("python") ? new String[] {"--lint", "-"} : new String[0];
        String[] args = concat(new String[] {"init", "--yes", "--repo", repo.toString(), "--project", "SHOP",
                "--config", config.toString(), "--data", dir.resolve("data").toString()}, lint);

        CliProcess.Result first = CliProcess.run(dir, Duration.ofMinutes(5), args);

        assertThat(first.output()).contains("loop.projects.SHOP.test: " + test)
                .contains("loop.projects.SHOP.repo: " + repo).contains("tracker.projects: + SHOP");
        if (installed(binary)) {
            assertThat(first.output()).as(first.output()).contains("test ok in");
            assertThat(first.exit()).as(first.output()).isZero();
        } else {
            assertThat(first.output()).contains(binary + " is not installed on this machine (detected only)");
        }
        assertThat(Files.readString(config)).contains("default_project: SHOP").contains("test: " + test);
        assertThat(repo.resolve(".voxloop/loop.yaml")).content().contains("test: '" + test + "'");

        if (sample.equals("npm")) { // once is enough to show a second run changes nothing (each run is a JVM)
            CliProcess.Result again = CliProcess.run(dir, Duration.ofMinutes(5),
                    concat(args, new String[] {"--no-run"}));
            assertThat(again.output()).as(again.output()).contains(config + ": unchanged")
                    .contains(".voxloop/loop.yaml exists in the repository: left as it is");
        }
    }

    private static boolean installed(String binary) {
        for (String d : System.getenv("PATH").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, binary))) {
                return true;
            }
        }
        return false;
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}

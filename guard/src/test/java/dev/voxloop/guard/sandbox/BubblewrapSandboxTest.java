package dev.voxloop.guard.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voxloop.core.event.EventBus;
import dev.voxloop.core.event.PipelineEvent;
import dev.voxloop.core.sandbox.LimitHit;
import dev.voxloop.core.sandbox.SandboxLimits;
import dev.voxloop.core.sandbox.SandboxRequest;
import dev.voxloop.core.sandbox.SandboxResult;
import dev.voxloop.core.testing.InMemoryEventLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a command sees and may do inside the real bubblewrap sandbox, and the limits that stop it. */
class BubblewrapSandboxTest {

    @TempDir
    static Path tmp;
    static HostFixture host;
    static InMemoryEventLog log = new InMemoryEventLog();
    static BubblewrapSandbox sandbox;

    @BeforeAll
    static void setUp() throws IOException {
        host = new HostFixture(tmp);
        sandbox = SandboxFixtures.bubblewrap(host.home, new EventBus(log)::publish);
    }

    private static SandboxResult sh(String line) {
        return sandbox.run(SandboxRequest.shell(line, host.workspace).withSubject("TRACK-1"));
    }

    @Test
    void aPushFromInsideFailsAndTheRemoteKeepsItsMain() {
        String main = remoteMain();
        SandboxResult r = sh("git commit -q --allow-empty -m x; g=git; $g push origin HEAD:main");
        assertThat(r.exit()).isNotZero();
        assertThat(remoteMain()).isEqualTo(main);
    }

    @Test
    void theSystemIsReadOnlyAndItsSecretsAreMasked() throws IOException {
        SandboxResult r = sh("echo x > /etc/passwd");
        assertThat(r.exit()).isNotZero();
        assertThat(r.output()).contains("Read-only file system");
        SandboxResult shadow = sh("cat /etc/shadow");
        assertThat(shadow.exit()).isNotZero();
        if (Files.isReadable(Path.of("/etc/shadow"))) {
            String firstLine = Files.readAllLines(Path.of("/etc/shadow")).get(0);
            assertThat(shadow.output()).doesNotContain(firstLine);
        }
    }

    @Test
    void theHomeIsFreshAndTheEnvironmentAnAllowlist() {
        SandboxResult r = sh("cat ~/.ssh/id_rsa; ls -A ~; env");
        assertThat(r.output()).contains("No such file").doesNotContain("SSH-KEY-SECRET")
                .doesNotContain("ENV-SECRET").contains("HOME=" + host.home).contains("VOXLOOP_SANDBOXED=bubblewrap");
        SandboxResult own = sandbox.run(SandboxRequest.shell("echo $AGENT_API_KEY", host.workspace)
                .withEnv(Map.of("AGENT_API_KEY", "the-agents-own-key")));
        assertThat(own.output().strip()).isEqualTo("the-agents-own-key");
    }

    @Test
    void boundPathsAreVisibleReadOnlyAndAWatcherSeesLinesAndCanStopTheCommand() throws IOException {
        Path tool = Files.createDirectories(host.home.resolve(".cache/agent-cli"));
        Files.writeString(tool.resolve("cli"), "#!/bin/sh\necho cli-ran\n");
        tool.resolve("cli").toFile().setExecutable(true);
        SandboxRequest request = SandboxRequest.shell(tool.resolve("cli") + "; echo x > " + tool.resolve("cli")
                + "; echo more; sleep 30", host.workspace).withBinds(List.of(SandboxRequest.Bind.readOnly(tool)));
        List<String> seen = new java.util.ArrayList<>();

        SandboxResult r = sandbox.run(request, line -> {
            seen.add(line);
            return !line.equals("more");
        });

        assertThat(r.output()).contains("cli-ran").contains("Read-only file system");
        assertThat(seen).contains("cli-ran").last().isEqualTo("more");
        assertThat(r.millis()).isLessThan(20_000);
        assertThat(Files.readString(tool.resolve("cli"))).contains("echo cli-ran");
    }

    @Test
    void aRunHomeKeepsTheAgentsConfigBetweenCommands() throws IOException {
        Path runHome = tmp.resolve("run-home");
        sandbox.run(SandboxRequest.shell("mkdir -p ~/.agent && echo session-1 > ~/.agent/state", host.workspace)
                .withHome(runHome));
        assertThat(Files.readString(runHome.resolve(".agent/state")).strip()).isEqualTo("session-1");
        assertThat(sandbox.run(SandboxRequest.shell("cat ~/.agent/state", host.workspace).withHome(runHome))
                .output().strip()).isEqualTo("session-1");
    }

    @Test
    void theWorkspaceIsWritableButGitAndProtectedPathsAreNot() throws IOException {
        SandboxResult r = sh("echo 'class B {}' > src/main/java/B.java && echo edited"
                + " && git status --short && git diff --stat;"
                + " echo x > .git/hooks/pre-push; echo x > .github/workflows/ci.yml; echo x > CODEOWNERS;"
                + " mkdir -p .claude; echo x > .env; echo ok > .env.example");
        assertThat(r.output()).contains("edited").contains("?? src/main/java/B.java");
        assertThat(Files.readString(host.workspace.resolve("src/main/java/B.java"))).contains("class B");
        assertThat(host.workspace.resolve(".git/hooks/pre-push")).doesNotExist();
        assertThat(Files.readString(host.workspace.resolve("CODEOWNERS"))).isEqualTo("* @owners\n");
        assertThat(Files.readString(host.workspace.resolve(".env"))).isEqualTo("TOKEN=WORKSPACE-ENV\n");
        assertThat(Files.readString(host.workspace.resolve(".env.example"))).isEqualTo("ok\n");
        assertThat(host.workspace.resolve(".claude")).as("placeholder removed after the command").doesNotExist();
        assertThat(host.workspace.resolve(".githooks")).doesNotExist();
    }

    @Test
    void theJdkAndMavenWork() {
        SandboxResult r = sh("mvn -v || javac -version");
        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(sh("javac -version").output()).contains("javac");
    }

    @Test
    void theWallTimeLimitStopsAHangingCommand() {
        SandboxResult r = sandbox.run(SandboxRequest.shell("echo started; sleep 30", host.workspace)
                .withLimits(SandboxLimits.DEFAULTS.withWallTime(Duration.ofSeconds(1))).withSubject("TRACK-1"));
        assertThat(r.limitHit()).isInstanceOf(LimitHit.WallTime.class);
        assertThat(r.millis()).isLessThan(10_000);
        assertThat(r.tail(500)).contains("started").contains("wall-time limit of 1 s");
        assertThat(log.all()).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(
                PipelineEvent.SandboxLimitReached.class, l -> assertThat(l.reason()).contains("wall-time")));
    }

    @Test
    void theOutputLimitStopsAFlood() {
        SandboxResult r = sandbox.run(SandboxRequest.shell("yes flood", host.workspace)
                .withLimits(new SandboxLimits(Duration.ofSeconds(30), 1L << 30, 256, 64 * 1024)));
        assertThat(r.limitHit()).isEqualTo(new LimitHit.Output(64 * 1024));
        assertThat(r.output().length()).isLessThanOrEqualTo(64 * 1024);
    }

    @Test
    void theProcessLimitStopsAForkBomb() {
        SandboxResult r = sandbox.run(SandboxRequest.shell("bomb() { bomb | bomb & }; bomb; sleep 2; exit 3",
                host.workspace).withLimits(new SandboxLimits(Duration.ofSeconds(20), 1L << 30, 64, 1L << 20)));
        assertThat(r.exit()).isNotZero();
        assertThat(r.millis()).isLessThan(20_000);
        assertThat(sh("echo alive").output()).contains("alive");
    }

    @Test
    void theMemoryLimitStopsAHog() {
        SandboxResult r = sandbox.run(SandboxRequest.of(List.of("python3", "-c",
                "b = bytearray(600 * 1024 * 1024); print('allocated', len(b))"), host.workspace)
                .withLimits(new SandboxLimits(Duration.ofSeconds(30), 256L << 20, 256, 1L << 20)));
        assertThat(r.exit()).isNotZero();
        assertThat(r.output()).doesNotContain("allocated");
    }

    private String remoteMain() {
        try {
            return Files.readString(host.remote.resolve("packed-refs"))
                    + (Files.exists(host.remote.resolve("refs/heads/main"))
                    ? Files.readString(host.remote.resolve("refs/heads/main")) : "");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

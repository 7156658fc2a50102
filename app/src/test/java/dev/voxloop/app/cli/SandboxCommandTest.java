package dev.voxloop.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voxloop.core.config.ConfigTree;
import dev.voxloop.guard.sandbox.SandboxSettings;
import dev.voxloop.guard.sandbox.Sandboxes;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code voxloop sandbox exec} with the default (bubblewrap) sandbox: the checks people try first. */
class SandboxCommandTest {

    @TempDir
    Path tmp;

    record Run(int exit, String out, String err) {
    }

    private Run exec(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        SandboxSettings settings = SandboxSettings.from(ConfigTree.empty());
        CommandLine cli = new CommandLine(new SandboxCommand());
        cli.addSubcommand(new SandboxCommand.Exec(() -> Sandboxes.create(settings, e -> { }, Clock.systemUTC()),
                settings::limits, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Path workspaceWithRemote() throws Exception {
        Path remote = tmp.resolve("remote.git");
        Path ws = tmp.resolve("W");
        git(tmp, "init", "-q", "--bare", "-b", "main", remote.toString());
        git(tmp, "clone", "-q", remote.toString(), ws.toString());
        Files.writeString(ws.resolve("a.txt"), "a\n");
        git(ws, "add", "a.txt");
        git(ws, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "A-0: start");
        git(ws, "push", "-q", "origin", "main");
        return ws;
    }

    @Test
    void thePushFailsTheSystemIsReadOnlyAndTheKeyIsAbsent() throws Exception {
        Path ws = workspaceWithRemote();
        String before = Files.readString(tmp.resolve("remote.git/refs/heads/main"));

        Run push = exec("exec", "--workspace", ws.toString(), "--", "sh", "-c",
                "git commit -q --allow-empty -m x; g=git; $g push origin main");
        assertThat(push.exit()).isNotZero();
        assertThat(Files.readString(tmp.resolve("remote.git/refs/heads/main"))).isEqualTo(before);

        Run passwd = exec("exec", "--workspace", ws.toString(), "--", "sh", "-c", "echo x > /etc/passwd");
        assertThat(passwd.exit()).isNotZero();
        assertThat(passwd.out()).contains("Read-only file system");

        Run key = exec("exec", "--workspace", ws.toString(), "--", "sh", "-c", "cat ~/.ssh/id_rsa");
        assertThat(key.exit()).isNotZero();
        assertThat(key.out()).contains("No such file");

        Run jdk = exec("exec", "--workspace", ws.toString(), "--", "sh", "-c", "mvn -v || javac -version");
        assertThat(jdk.exit()).as(jdk.out()).isZero();
    }

    @Test
    void theExitStatusIsTheCommandsAndALimitIs124() throws Exception {
        Path ws = workspaceWithRemote();
        assertThat(exec("exec", "--workspace", ws.toString(), "--", "sh", "-c", "exit 7").exit()).isEqualTo(7);
        Run slow = exec("exec", "--workspace", ws.toString(), "--timeout", "1s", "--", "sleep", "20");
        assertThat(slow.exit()).isEqualTo(SandboxCommand.LIMIT_EXIT);
        assertThat(slow.err()).contains("wall-time limit of 1 s");
        assertThat(exec("exec", "--workspace", tmp.resolve("nowhere").toString(), "--", "true").exit())
                .isEqualTo(64);
        assertThat(exec("exec", "--workspace", ws.toString(), "--network", "wifi", "--", "true").err())
                .contains("none or allowlist");
    }

    private static void git(Path dir, String... args) throws Exception {
        List<String> argv = new java.util.ArrayList<>(List.of("git"));
        argv.addAll(List.of(args));
        Process p = new ProcessBuilder(argv).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
    }
}

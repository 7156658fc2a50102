package dev.voxloop.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voxloop.guard.githook.GitHooks;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class GithookCommandTest {

    @TempDir
    Path tmp;

    private int run(String stdin, ByteArrayOutputStream err, String... args) {
        GithookCommand cmd = new GithookCommand(() -> new GitHooks(Set.of("main")),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new CommandLine(cmd).execute(args);
    }

    @Test
    void commitMsgChecksTheSubject() throws Exception {
        Path good = Files.writeString(tmp.resolve("good"), "TRACK-1: Add VAT\n");
        Path bad = Files.writeString(tmp.resolve("bad"), "fixed stuff\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(run("", err, "commit-msg", good.toString())).isZero();
        assertThat(run("", err, "commit-msg", bad.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("KEY-123: Description");
    }

    @Test
    void prePushRefusesTheDefaultBranch() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String line = "refs/heads/main " + "a".repeat(40) + " refs/heads/main " + "0".repeat(40) + "\n";
        assertThat(run(line, err, "pre-push", "origin", "/srv/x.git")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("default branch 'main'");
        assertThat(run("", new ByteArrayOutputStream(), "post-merge")).isEqualTo(64);
    }
}

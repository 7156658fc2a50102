package dev.voxloop.guard.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A real git working tree on {@code main} in a temp directory, for the hook tests (git on the PATH). */
public final class GitRepo {

    public final Path work;

    public GitRepo(Path root) {
        this.work = root.resolve("work");
        try {
            Files.createDirectories(work);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        run("init", "-q", "-b", "main");
    }

    public GitRepo write(String path, String content) throws IOException {
        Path p = work.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
        return this;
    }

    /** Commits everything; returns the new HEAD. */
    public String commit(String message) {
        run("add", "-A");
        run("commit", "-q", "-m", message);
        return head();
    }

    public String head() {
        return run("rev-parse", "HEAD");
    }

    public Path gitDir() {
        return work.resolve(run("rev-parse", "--git-dir")).normalize();
    }

    /** Runs git in the working tree; its output, stripped; fails when git fails. */
    public String run(String... args) {
        List<String> argv = new ArrayList<>(List.of("git", "-c", "user.name=test", "-c", "user.email=test@localhost"));
        argv.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(argv).directory(work.toFile()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IllegalStateException("git " + String.join(" ", args) + " failed: " + out);
            }
            return out.strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

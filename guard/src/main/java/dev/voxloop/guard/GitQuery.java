package dev.voxloop.guard;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The few read-only git questions the guard asks (which branch is checked out, whether a commit exists, whether
 * one commit is an ancestor of another). Answers are yes/no: a git that cannot be run or does not answer in
 * time counts as "no", which makes every caller stricter, never looser.
 */
public final class GitQuery {

    private static final long TIMEOUT_SECONDS = 30;
    private final Path dir;

    public GitQuery(Path dir) {
        this.dir = dir;
    }

    /** The branch checked out in {@code dir}, empty when detached or when git cannot tell. */
    public Optional<String> currentBranch() {
        return output("symbolic-ref", "--quiet", "--short", "HEAD").filter(b -> !b.isBlank());
    }

    /** Whether {@code sha} names a commit this repository has. */
    public boolean hasCommit(String sha) {
        return succeeds("cat-file", "-e", sha + "^{commit}");
    }

    /** Whether {@code ancestor} is reachable from {@code descendant} (a fast-forward from one to the other). */
    public boolean isAncestor(String ancestor, String descendant) {
        return succeeds("merge-base", "--is-ancestor", ancestor, descendant);
    }

    private boolean succeeds(String... args) {
        return run(args).isPresent();
    }

    private Optional<String> output(String... args) {
        return run(args).map(String::strip);
    }

    /** The standard output of a git command that exited 0, or empty. */
    private Optional<String> run(String... args) {
        List<String> argv = new ArrayList<>(List.of("git", "-C", dir.toString()));
        argv.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(argv).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("GIT_TERMINAL_PROMPT", "0");
        try {
            Process p = pb.start();
            p.getOutputStream().close();
            // waiting before reading is safe: these commands print a branch name at most, far below a pipe's buffer
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            byte[] out = p.getInputStream().readAllBytes();
            return p.exitValue() == 0 ? Optional.of(new String(out, StandardCharsets.UTF_8)) : Optional.empty();
        } catch (IOException e) {
            // git missing or not startable: "no" is the strict answer (see the class comment)
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}

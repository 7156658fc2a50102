package dev.voxloop.guard;

import dev.voxloop.core.process.Command;
import dev.voxloop.core.process.Exit;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The few read-only git questions the guard asks (which branch is checked out, whether a commit exists, whether
 * one commit is an ancestor of another). Answers are yes/no: a git that cannot be run or does not answer in
 * time counts as "no", which makes every caller stricter, never looser.
 */
public final class GitQuery {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
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
        try {
            Exit exit = Command.of(argv).environment(Map.of("GIT_TERMINAL_PROMPT", "0")).discardErrors()
                    .timeout(TIMEOUT).run();
            return exit.ok() ? Optional.of(exit.output()) : Optional.empty();
        } catch (Command.NotStarted e) {
            // git missing or not startable: "no" is the strict answer (see the class comment)
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}

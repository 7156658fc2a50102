package dev.voxloop.loop.workspace;

import dev.voxloop.core.forge.GitRemoteAccess;
import dev.voxloop.core.problem.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The git command line in one working tree. Commits are made as the voxloop bot unless configured. */
public final class Git {

    private static final Duration TIMEOUT = Duration.ofMinutes(5);
    private final Path dir;
    private final Map<String, String> env;
    private final List<String> options;

    public Git(Path dir) {
        this(dir, Map.of());
    }

    public Git(Path dir, Map<String, String> env) {
        this(dir, env, List.of());
    }

    private Git(Path dir, Map<String, String> env, List<String> options) {
        this.dir = dir;
        this.options = List.copyOf(options);
        Map<String, String> e = new HashMap<>(env);
        e.putIfAbsent("GIT_TERMINAL_PROMPT", "0");
        e.putIfAbsent("GIT_AUTHOR_NAME", "voxloop");
        e.putIfAbsent("GIT_AUTHOR_EMAIL", "voxloop@localhost");
        e.putIfAbsent("GIT_COMMITTER_NAME", "voxloop");
        e.putIfAbsent("GIT_COMMITTER_EMAIL", "voxloop@localhost");
        this.env = Map.copyOf(e);
    }

    public Path dir() {
        return dir;
    }

    public Git withEnv(Map<String, String> extra) {
        Map<String, String> e = new HashMap<>(env);
        e.putAll(extra);
        return new Git(dir, e, options);
    }

    /**
     * This working tree's git for talking to its remote through {@code access} (clone, fetch, push, ls-remote). When
     * the access carries credentials, the repository's own hooks and file-system monitor are off for these commands:
     * files an agent could have written in the working tree never run beside the credentials.
     */
    public Git remote(GitRemoteAccess access) {
        if (access == GitRemoteAccess.NONE) {
            return this;
        }
        List<String> o = new ArrayList<>(List.of("-c", "core.hooksPath=/dev/null", "-c", "core.fsmonitor=false"));
        o.addAll(access.options());
        Map<String, String> e = new HashMap<>(env);
        e.putAll(access.environment());
        return new Git(dir, e, o);
    }

    public CommandResult tryRun(String... args) {
        List<String> argv = new ArrayList<>();
        argv.add("git");
        argv.addAll(options);
        argv.addAll(List.of(args));
        return Processes.run(argv, dir, env, null, TIMEOUT);
    }

    /** Runs git and returns its output, stripped; fails with the output when git fails. */
    public String run(String... args) {
        CommandResult r = tryRun(args);
        if (!r.ok()) {
            throw new Problem(Problem.Kind.UPSTREAM, "git " + String.join(" ", args) + " failed: " + r.tail(800));
        }
        return r.output().strip();
    }

    public String head() {
        return run("rev-parse", "HEAD");
    }

    public Optional<String> currentBranch() {
        CommandResult r = tryRun("symbolic-ref", "--short", "-q", "HEAD");
        return r.ok() ? Optional.of(r.output().strip()) : Optional.empty();
    }

    /** The git directory of this working tree (absolute; a worktree's own dir under the main .git). */
    public Path gitDir() {
        return dir.resolve(run("rev-parse", "--git-dir")).toAbsolutePath().normalize();
    }

    public boolean dirty() {
        return !run("status", "--porcelain").isEmpty();
    }

    /** Stages everything (respecting ignores) and commits; returns false when there was nothing to commit. */
    public boolean commitAll(String message) {
        run("add", "-A");
        if (tryRun("diff", "--cached", "--quiet").ok()) {
            return false;
        }
        run("commit", "-q", "-m", message);
        return true;
    }

    /** Content of {@code path} at {@code rev}, or empty when it did not exist there. */
    public Optional<String> show(String rev, String path) {
        CommandResult r = tryRun("show", rev + ":" + path);
        return r.ok() ? Optional.of(r.output()) : Optional.empty();
    }

    /**
     * Runs {@code git diff} of the whole working tree (tracked, and untracked files that are not ignored) against
     * {@code base}, through a throw-away index so nothing in the real index changes.
     */
    public String diffWorkingTree(String base, String... diffArgs) {
        Path index;
        try {
            Path d = gitDir().resolve("voxloop");
            Files.createDirectories(d);
            index = Files.createTempFile(d, "gate-index", "");
            Files.delete(index);
        } catch (IOException e) {
            throw new Problem(Problem.Kind.UNAVAILABLE, "cannot write a temporary git index: " + e.getMessage());
        }
        Git g = withEnv(Map.of("GIT_INDEX_FILE", index.toString()));
        try {
            g.run("read-tree", "HEAD");
            g.run("add", "-A", ".");
            List<String> argv = new ArrayList<>(List.of("diff", "--cached", "--no-color", "--no-ext-diff"));
            argv.addAll(List.of(diffArgs));
            argv.add(base);
            return g.run(argv.toArray(String[]::new));
        } finally {
            try {
                Files.deleteIfExists(index);
            } catch (IOException ignored) {
                // safe: a left-over temporary index under .git/voxloop is never read again (each diff makes its own)
            }
        }
    }
}

package dev.voxloop.app.init;

import dev.voxloop.core.forge.GitRemoteAccess;
import dev.voxloop.loop.workspace.CommandResult;
import dev.voxloop.loop.workspace.Processes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The person's repository as the loop will reach it: a local git repository (by absolute path) or a URL git can
 * clone. Clones are what {@code init} looks at and runs commands in, so they see the committed state, as the loop
 * will.
 */
public record RepositorySource(String location, boolean local) {

    private static final Duration GIT = Duration.ofMinutes(5);
    private static final Pattern HEAD_REF = Pattern.compile("ref: refs/heads/(\\S+)\\s+HEAD");

    /** A path (made absolute; must be a git repository with a commit) or a URL ({@code scheme://}, {@code user@host:}). */
    public static RepositorySource of(String given) {
        if (given.matches("^[a-z][a-z0-9+.-]*://.*") || given.matches("^[\\w.-]+@[\\w.-]+:.*")) {
            return new RepositorySource(given, false);
        }
        Path p = Path.of(given).toAbsolutePath().normalize();
        if (!Files.isDirectory(p)) {
            throw new IllegalArgumentException("repository not found: " + p);
        }
        CommandResult top = git(List.of("git", "-C", p.toString(), "rev-parse", "--show-toplevel"), p);
        if (!top.ok()) {
            throw new IllegalArgumentException(p + " is not a git repository (run git init and commit your files"
                    + " first)");
        }
        Path root = Path.of(top.output().strip());
        if (!git(List.of("git", "-C", root.toString(), "rev-parse", "--verify", "HEAD"), root).ok()) {
            throw new IllegalArgumentException(root + " has no commit yet: commit your files first (the loop works"
                    + " from commits)");
        }
        return new RepositorySource(root.toString(), true);
    }

    /** A project name from the repository's directory or URL: {@code shop-api} of {@code .../shop-api.git}. */
    public String name() {
        String s = location.replaceAll("/+$", "").replaceAll("\\.git$", "");
        return s.substring(Math.max(s.lastIndexOf('/'), s.lastIndexOf(':')) + 1);
    }

    /** The branch tasks start from: the checked-out branch of a local repository, the remote's HEAD of a URL. */
    public String defaultBranch() {
        return defaultBranch(GitRemoteAccess.NONE);
    }

    /** As {@link #defaultBranch()}, reaching a URL with {@code access} (a private repository's credentials). */
    public String defaultBranch(GitRemoteAccess access) {
        if (local) {
            CommandResult r = git(List.of("git", "-C", location, "symbolic-ref", "--short", "HEAD"), Path.of(location));
            return r.ok() ? r.output().strip() : "main";
        }
        CommandResult r = git(access, List.of("ls-remote", "--symref", location, "HEAD"), Path.of("."));
        Matcher m = HEAD_REF.matcher(r.output());
        return m.find() ? m.group(1) : "main";
    }

    /** A fresh clone in {@code into} (which must not exist yet). */
    public Path cloneInto(Path into) throws IOException {
        return cloneInto(into, GitRemoteAccess.NONE);
    }

    /** As {@link #cloneInto(Path)}, reaching a URL with {@code access}. */
    public Path cloneInto(Path into, GitRemoteAccess access) throws IOException {
        Files.createDirectories(into.getParent());
        CommandResult r = git(local ? GitRemoteAccess.NONE : access, List.of("clone", "-q", "--depth", "1",
                local ? "file://" + location : location, into.toString()), into.getParent());
        if (!r.ok()) {
            throw new IOException("git clone " + location + " failed: " + r.tail(400).strip());
        }
        return into;
    }

    private static CommandResult git(List<String> argv, Path dir) {
        return Processes.run(argv, dir, Map.of("GIT_TERMINAL_PROMPT", "0"), null, GIT);
    }

    private static CommandResult git(GitRemoteAccess access, List<String> args, Path dir) {
        List<String> argv = new ArrayList<>();
        argv.add("git");
        argv.addAll(access.options());
        argv.addAll(args);
        Map<String, String> env = new HashMap<>(access.environment());
        env.putIfAbsent("GIT_TERMINAL_PROMPT", "0");
        return Processes.run(argv, dir, env, null, GIT);
    }
}

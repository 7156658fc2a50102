package dev.voxloop.guard.policy;

import dev.voxloop.core.guard.PolicyContext;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Writes the parser can place outside the workspace: an absolute path elsewhere (a Write of {@code /etc/passwd}),
 * a relative one climbing out with {@code ..}, or a path that leads through an existing symbolic link to a
 * protected path or out of the workspace. Scratch space ({@code /tmp}) and the standard streams stay allowed.
 */
final class WorkspaceBounds {

    /** Where an agent may write outside its workspace: scratch space and the standard streams. */
    private static final List<String> SCRATCH = List.of("/tmp", "/var/tmp", "/dev/null", "/dev/stdout",
            "/dev/stderr", "/dev/fd", "/dev/tty", "/proc/self/fd");

    private WorkspaceBounds() {
    }

    /** The path as the shell would resolve it against the workspace (~ and $HOME expanded), or null. */
    private static Path resolved(String path, PolicyContext ctx) {
        if (ctx.projectDir() == null || ProtectedPaths.hasGlob(path) || path.contains("$(") || path.contains("`")) {
            return null;
        }
        String p = path.strip();
        if ((p.startsWith("~/") || p.equals("~")) && ctx.home() != null) {
            p = ctx.home() + p.substring(1);
        }
        if (ctx.home() != null) {
            p = p.replace("${HOME}", ctx.home().toString()).replace("$HOME", ctx.home().toString());
        }
        if (p.contains("$")) {
            return null;
        }
        try {
            Path root = ctx.projectDir().toAbsolutePath().normalize();
            return (p.startsWith("/") ? Path.of(p) : root.resolve(p)).normalize();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Why {@code path} is outside the workspace (and not scratch space), or empty. */
    static Optional<String> outside(String path, PolicyContext ctx) {
        Path abs = resolved(path, ctx);
        if (abs == null) {
            return Optional.empty();
        }
        Path root = ctx.projectDir().toAbsolutePath().normalize();
        if (abs.startsWith(root) || SCRATCH.stream().anyMatch(s -> abs.startsWith(s))) {
            return Optional.empty();
        }
        return Optional.of("'" + path + "' is outside the workspace (" + root + "): the agent writes only inside it"
                + " and in /tmp");
    }

    /** Why {@code path} is forbidden once the symbolic links on its way are followed, or empty. */
    static Optional<String> throughLink(String path, PolicyContext ctx) {
        Path abs = resolved(path, ctx);
        if (abs == null) {
            return Optional.empty();
        }
        try {
            Path root = ctx.projectDir().toRealPath();
            Path existing = abs;
            while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
                existing = existing.getParent();
            }
            if (existing == null) {
                return Optional.empty();
            }
            Path target = existing.toRealPath().resolve(existing.relativize(abs)).normalize();
            Path plain = root.resolve(ctx.projectDir().toAbsolutePath().normalize().relativize(abs)).normalize();
            if (!abs.startsWith(ctx.projectDir().toAbsolutePath().normalize()) || target.equals(plain)) {
                return Optional.empty();
            }
            if (!target.startsWith(root)) {
                return SCRATCH.stream().anyMatch(target::startsWith) ? Optional.empty()
                        : Optional.of("'" + path + "' leads through a symbolic link to " + target
                        + ", outside the workspace");
            }
            String inside = root.relativize(target).toString();
            return ProtectedPaths.protectedPath(inside.isEmpty() ? "." : inside, ctx).map(why -> "'" + path
                    + "' leads through a symbolic link to '" + inside + "': " + why);
        } catch (java.io.IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}

package dev.voxloop.core.guard;

import java.nio.file.Path;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What the policy needs to know about where a call runs.
 *
 * @param projectDir      the workspace root (relative paths resolve against it); may be null
 * @param defaultBranches branch names nobody may push to (the configured default branch, main, master)
 * @param currentBranch   the branch checked out now (for a bare {@code git push}); may return null
 * @param home            the user's home directory (for {@code ~/.ssh})
 */
public record PolicyContext(Path projectDir, Set<String> defaultBranches, Supplier<String> currentBranch, Path home) {

    public PolicyContext {
        defaultBranches = Set.copyOf(defaultBranches);
        currentBranch = currentBranch == null ? () -> null : currentBranch;
    }

    public static PolicyContext of(Path projectDir, String defaultBranch, Supplier<String> currentBranch) {
        java.util.Set<String> b = new java.util.HashSet<>(Set.of("main", "master"));
        if (defaultBranch != null && !defaultBranch.isBlank()) {
            b.add(defaultBranch);
        }
        return new PolicyContext(projectDir, b, currentBranch, Path.of(System.getProperty("user.home")));
    }
}

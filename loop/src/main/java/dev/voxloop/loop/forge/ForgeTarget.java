package dev.voxloop.loop.forge;

import dev.voxloop.core.forge.CodeForge;
import dev.voxloop.core.forge.GitRemoteAccess;
import dev.voxloop.core.forge.MergeMethod;

/**
 * Where a project's runs go past PUSHED.
 *
 * @param repository    the forge's name for the repository
 * @param cloneSource   what the workspace clones from and pushes to (a path or URL without credentials)
 * @param maxHealRounds healing turns after red CI before the run is BLOCKED
 * @param access        how git reaches {@code cloneSource} (GitHub: a credential helper fed from memory)
 */
public record ForgeTarget(CodeForge forge, String repository, String cloneSource, MergeMethod mergeMethod,
                          int maxHealRounds, GitRemoteAccess access) {

    public ForgeTarget {
        access = access == null ? GitRemoteAccess.NONE : access;
    }

    /** A target whose remote needs no credentials (the built-in forge's repositories). */
    public ForgeTarget(CodeForge forge, String repository, String cloneSource, MergeMethod mergeMethod,
                       int maxHealRounds) {
        this(forge, repository, cloneSource, mergeMethod, maxHealRounds, GitRemoteAccess.NONE);
    }
}

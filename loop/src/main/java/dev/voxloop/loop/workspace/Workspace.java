package dev.voxloop.loop.workspace;

import dev.voxloop.core.forge.GitRemoteAccess;
import java.nio.file.Path;

/**
 * A prepared working tree: the task branch checked out from the base commit, the task file written.
 *
 * @param access how git reaches the remote {@code origin} (credentials never in the clone's configuration)
 */
public record Workspace(Path dir, String branch, String baseBranch, String baseCommit, GitRemoteAccess access) {

    public Workspace {
        access = access == null ? GitRemoteAccess.NONE : access;
    }

    /** A working tree whose remote needs no credentials. */
    public Workspace(Path dir, String branch, String baseBranch, String baseCommit) {
        this(dir, branch, baseBranch, baseCommit, GitRemoteAccess.NONE);
    }

    public Git git() {
        return new Git(dir);
    }

    /** git for fetching from and pushing to {@code origin}. */
    public Git remoteGit() {
        return git().remote(access);
    }
}

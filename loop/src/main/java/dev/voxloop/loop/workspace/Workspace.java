package dev.voxloop.loop.workspace;

import java.nio.file.Path;

/** A prepared working tree: the task branch checked out from the base commit, the task file written. */
public record Workspace(Path dir, String branch, String baseBranch, String baseCommit) {

    public Git git() {
        return new Git(dir);
    }
}

package dev.voxloop.forge.builtin;

import dev.voxloop.forge.ForgeFixture;
import org.eclipse.jgit.lib.Repository;

/** Reads a branch tip of the fixture's hosted repository. */
final class GitReadsAccess {

    private GitReadsAccess() {
    }

    static String tip(ForgeFixture f, String repository, String branch) {
        try (Repository r = f.repos.open(repository)) {
            return GitReads.tip(r, branch);
        }
    }
}

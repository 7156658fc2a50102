package dev.voxloop.core.forge;

/** What {@link CodeForge#merge} did. */
public sealed interface MergeOutcome {

    /**
     * The pull request is merged.
     *
     * @param commit        the commit on the base branch
     * @param alreadyMerged true when an earlier call had merged it (nothing was merged this time)
     */
    record Merged(String commit, boolean alreadyMerged) implements MergeOutcome {
    }

    /** The head is no longer the expected commit: new commits must be checked first. Nothing was merged. */
    record HeadMoved(String actualHead) implements MergeOutcome {
    }

    /** The forge will not merge it now; {@code reason} says why in the forge's words. Nothing was merged. */
    record NotMergeable(Mergeability mergeability, String reason) implements MergeOutcome {
    }
}

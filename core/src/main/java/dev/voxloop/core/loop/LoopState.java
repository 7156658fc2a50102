package dev.voxloop.core.loop;

/**
 * {@code QUEUED → CLAIMED → PREPARING → ITERATING → VERIFYING → PUSHING → PR_OPEN → CHECKS → (HEALING → CHECKS)≤3
 * → REVIEWING → MERGING → MERGED}, with exits BLOCKED (needs a person), FAILED and ABORTED.
 * {@code PUSHED} is the hand-off between the loop and the forge stage: the branch is pushed and its gates passed;
 * the forge opens the pull request from there.
 */
public enum LoopState {
    QUEUED, CLAIMED, PREPARING, ITERATING, VERIFYING, PUSHING, PUSHED, PR_OPEN, CHECKS, HEALING, REVIEWING, MERGING, MERGED,
    BLOCKED, FAILED, ABORTED;

    public boolean terminal() {
        return this == MERGED || this == BLOCKED || this == FAILED || this == ABORTED;
    }
}

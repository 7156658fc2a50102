package dev.voxloop.core.loop;

/**
 * {@code QUEUED → CLAIMED → PREPARING → ITERATING → VERIFYING → PUSHING → PR_OPEN → CHECKS → (HEALING → CHECKS)≤3
 * → REVIEWING → MERGING → MERGED}, with exits BLOCKED (needs a person), FAILED and ABORTED.
 */
public enum LoopState {
    QUEUED, CLAIMED, PREPARING, ITERATING, VERIFYING, PUSHING, PR_OPEN, CHECKS, HEALING, REVIEWING, MERGING, MERGED,
    BLOCKED, FAILED, ABORTED;

    public boolean terminal() {
        return this == MERGED || this == BLOCKED || this == FAILED || this == ABORTED;
    }
}

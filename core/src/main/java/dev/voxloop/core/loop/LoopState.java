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

    /**
     * The loop's worker is done with a run in this state: it is terminal, or it is the hand-off to a stage the
     * loop does not drive ({@code PUSHED} until the forge's steps are registered). The store's "active run" query
     * and the dispatcher both ask this, so moving the hand-off is a change here only.
     */
    public boolean loopDone() {
        return terminal() || this == PUSHED;
    }

    /**
     * A person's signals (abort, an instruction, a checkpoint) reach a run only while its agent works: they are
     * taken before each agent turn, and a run that is still being claimed or prepared takes them before its first.
     * In every other state a signal would never be read, so the API refuses it and the console does not offer it.
     */
    public boolean takesSignals() {
        return this == CLAIMED || this == PREPARING || this == ITERATING || this == VERIFYING;
    }
}

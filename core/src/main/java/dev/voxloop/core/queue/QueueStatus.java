package dev.voxloop.core.queue;

/**
 * PENDING → RUNNING → DONE, or RUNNING → PENDING (retry while attempts remain, or an expired lease),
 * or RUNNING → FAILED (attempts used up: the dead-letter state, until someone retries it by hand).
 */
public enum QueueStatus {
    PENDING, RUNNING, DONE, FAILED
}

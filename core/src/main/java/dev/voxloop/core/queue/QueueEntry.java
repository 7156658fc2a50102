package dev.voxloop.core.queue;

import java.time.Instant;

/**
 * A ticket waiting for (or taken by) the loop. Timestamps are wall-clock, so they stay meaningful across restarts
 * and machines.
 *
 * @param leaseOwner  worker holding it while RUNNING, else null
 * @param leaseUntil  when the lease lapses unless renewed
 * @param attempts    how many times it was started
 * @param lastError   the last failure, for the dead-letter view
 */
public record QueueEntry(String key, String summary, QueueStatus status, int attempts, String lastError,
                         Instant queuedAt, Instant startedAt, Instant finishedAt, String leaseOwner,
                         Instant leaseUntil, Boolean success) {
}

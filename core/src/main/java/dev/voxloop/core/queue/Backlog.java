package dev.voxloop.core.queue;

import java.time.Instant;

/**
 * The tickets waiting for a worker: how many are PENDING and when the oldest of them was queued (null when none).
 */
public record Backlog(long pending, Instant oldestQueuedAt) {

    public static final Backlog EMPTY = new Backlog(0, null);
}

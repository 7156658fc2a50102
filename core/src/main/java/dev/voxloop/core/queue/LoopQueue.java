package dev.voxloop.core.queue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Port: the durable work queue between intake and the loop. */
public interface LoopQueue {

    /**
     * Queue a ticket. Returns false (and changes nothing) when the key is already PENDING or RUNNING;
     * a DONE or FAILED entry is re-queued with its attempts reset.
     */
    boolean enqueue(String key, String summary);

    /** Take the oldest PENDING entry for {@code owner} with a lease; never hands one entry to two owners. */
    Optional<QueueEntry> claim(String owner, Duration lease);

    /** Mark an entry RUNNING for an external runner that reports its own start. */
    Optional<QueueEntry> markStarted(String key, String owner, Duration lease);

    /** Extend a lease; false when the owner no longer holds it. */
    boolean renew(String key, String owner, Duration lease);

    /**
     * Finish a RUNNING entry. Success makes it DONE. Failure puts it back to PENDING while
     * {@code attempts < maxAttempts}, else FAILED (dead letter) with the error kept.
     */
    Optional<QueueEntry> complete(String key, boolean success, String error, int maxAttempts);

    /** Lapsed leases go back to PENDING (their attempt counted). Returns how many. */
    int releaseExpired();

    /** Move a FAILED entry back to PENDING with attempts reset. */
    Optional<QueueEntry> retry(String key);

    Optional<QueueEntry> find(String key);

    List<QueueEntry> list(QueueStatus status, int limit);
}

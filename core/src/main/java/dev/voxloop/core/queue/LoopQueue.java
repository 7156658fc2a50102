package dev.voxloop.core.queue;

import java.time.Duration;
import java.util.Collection;
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
    default Optional<QueueEntry> claim(String owner, Duration lease) {
        return claim(owner, lease, null);
    }

    /**
     * As {@link #claim(String, Duration)}, but only entries of the given projects (ticket keys {@code PROJECT-N});
     * null means any project. A worker passes the projects it can work on, so a ticket of a project without a
     * repository stays PENDING, its attempts untouched, until the project is configured.
     */
    Optional<QueueEntry> claim(String owner, Duration lease, Collection<String> projects);

    /**
     * Finish a RUNNING entry that cannot run until a person changes the configuration: it goes to FAILED (the
     * dead-letter list, from which {@link #retry} queues it again) with {@code reason}, and the attempt it was
     * claimed with is not counted.
     */
    Optional<QueueEntry> park(String key, String reason);

    /**
     * Note why a PENDING entry is not being taken (null clears it). Returns true when the note changed, so a
     * caller tells the ticket once, not at every poll.
     */
    boolean note(String key, String reason);

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

    /** How many entries wait and since when; an implementation over a database counts them in one query. */
    default Backlog backlog() {
        List<QueueEntry> pending = list(QueueStatus.PENDING, Integer.MAX_VALUE);
        return pending.isEmpty() ? Backlog.EMPTY : new Backlog(pending.size(), pending.getFirst().queuedAt());
    }
}

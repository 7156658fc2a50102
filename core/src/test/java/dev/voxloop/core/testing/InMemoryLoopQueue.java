package dev.voxloop.core.testing;

import dev.voxloop.core.queue.LoopQueue;
import dev.voxloop.core.queue.QueueEntry;
import dev.voxloop.core.queue.QueueInput;
import dev.voxloop.core.queue.QueueStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** Test fixture: the loop queue's documented semantics (dedup, leases, retries, dead letter) in memory. */
public final class InMemoryLoopQueue implements LoopQueue {

    private final Map<String, QueueEntry> entries = new LinkedHashMap<>();
    private final Clock clock;

    public InMemoryLoopQueue(Clock clock) {
        this.clock = clock;
    }

    public InMemoryLoopQueue() {
        this(Clock.systemUTC());
    }

    @Override
    public synchronized boolean enqueue(String key, String summary) {
        QueueInput.requireKey(key);
        QueueEntry cur = entries.get(key);
        if (cur != null && (cur.status() == QueueStatus.PENDING || cur.status() == QueueStatus.RUNNING)) {
            return false;
        }
        entries.remove(key);
        entries.put(key, new QueueEntry(key, summary == null ? "" : summary, QueueStatus.PENDING, 0, null, clock.instant(), null, null, null,
                null, null));
        return true;
    }

    @Override
    public synchronized Optional<QueueEntry> claim(String owner, Duration lease, Collection<String> projects) {
        QueueInput.requireOwner(owner, lease);
        return inQueueOrder().filter(e -> e.status() == QueueStatus.PENDING)
                .filter(e -> projects == null || projects.contains(QueueInput.project(e.key()))).findFirst()
                .map(e -> run(e, owner, lease));
    }

    @Override
    public synchronized Optional<QueueEntry> park(String key, String reason) {
        QueueEntry e = entries.get(key);
        if (e == null || e.status() != QueueStatus.RUNNING) {
            return Optional.empty();
        }
        QueueEntry p = new QueueEntry(key, e.summary(), QueueStatus.FAILED, Math.max(0, e.attempts() - 1), reason,
                e.queuedAt(), e.startedAt(), clock.instant(), null, null, false);
        entries.put(key, p);
        return Optional.of(p);
    }

    @Override
    public synchronized boolean note(String key, String reason) {
        QueueEntry e = entries.get(key);
        if (e == null || e.status() != QueueStatus.PENDING || java.util.Objects.equals(e.lastError(), reason)) {
            return false;
        }
        entries.put(key, new QueueEntry(key, e.summary(), e.status(), e.attempts(), reason, e.queuedAt(),
                e.startedAt(), e.finishedAt(), e.leaseOwner(), e.leaseUntil(), e.success()));
        return true;
    }

    @Override
    public synchronized Optional<QueueEntry> markStarted(String key, String owner, Duration lease) {
        QueueInput.requireKey(key);
        QueueInput.requireOwner(owner, lease);
        QueueEntry e = entries.get(key);
        if (e == null) {
            return Optional.empty();
        }
        return switch (e.status()) {
            case PENDING -> Optional.of(run(e, owner, lease));
            case RUNNING -> renew(key, owner, lease) ? find(key) : Optional.empty();
            default -> Optional.empty();
        };
    }

    private QueueEntry run(QueueEntry e, String owner, Duration lease) {
        QueueEntry r = new QueueEntry(e.key(), e.summary(), QueueStatus.RUNNING, e.attempts() + 1, e.lastError(),
                e.queuedAt(), clock.instant(), null, owner, clock.instant().plus(lease), null);
        entries.put(e.key(), r);
        return r;
    }

    @Override
    public synchronized boolean renew(String key, String owner, Duration lease) {
        QueueInput.requireKey(key);
        QueueInput.requireOwner(owner, lease);
        QueueEntry e = entries.get(key);
        if (e == null || e.status() != QueueStatus.RUNNING || !owner.equals(e.leaseOwner())) {
            return false;
        }
        entries.put(key, new QueueEntry(e.key(), e.summary(), e.status(), e.attempts(), e.lastError(), e.queuedAt(),
                e.startedAt(), null, owner, clock.instant().plus(lease), null));
        return true;
    }

    @Override
    public synchronized Optional<QueueEntry> complete(String key, boolean success, String error, int maxAttempts) {
        QueueInput.requireKey(key);
        QueueEntry e = entries.get(key);
        if (e == null || e.status() != QueueStatus.RUNNING) {
            return Optional.empty();
        }
        QueueStatus next = success ? QueueStatus.DONE
                : e.attempts() < maxAttempts ? QueueStatus.PENDING : QueueStatus.FAILED;
        boolean again = next == QueueStatus.PENDING;
        QueueEntry done = new QueueEntry(key, e.summary(), next, e.attempts(),
                success ? e.lastError() : error == null ? "failed" : error, e.queuedAt(), e.startedAt(),
                again ? null : clock.instant(), null, null, again ? null : success);
        entries.put(key, done);
        return Optional.of(done);
    }

    @Override
    public synchronized int releaseExpired() {
        int n = 0;
        for (QueueEntry e : new ArrayList<>(entries.values())) {
            if (e.status() == QueueStatus.RUNNING && e.leaseUntil() != null && e.leaseUntil().isBefore(clock.instant())) {
                entries.put(e.key(), new QueueEntry(e.key(), e.summary(), QueueStatus.PENDING, e.attempts(),
                        "lease expired", e.queuedAt(), e.startedAt(), null, null, null, null));
                n++;
            }
        }
        return n;
    }

    @Override
    public synchronized Optional<QueueEntry> retry(String key) {
        QueueInput.requireKey(key);
        QueueEntry e = entries.get(key);
        if (e == null || e.status() != QueueStatus.FAILED) {
            return Optional.empty();
        }
        QueueEntry p = new QueueEntry(key, e.summary(), QueueStatus.PENDING, 0, e.lastError(), clock.instant(), null,
                null, null, null, null);
        entries.put(key, p);
        return Optional.of(p);
    }

    @Override
    public synchronized Optional<QueueEntry> find(String key) {
        return key == null ? Optional.empty() : Optional.ofNullable(entries.get(key));
    }

    @Override
    public synchronized List<QueueEntry> list(QueueStatus status, int limit) {
        return inQueueOrder().filter(e -> status == null || e.status() == status).limit(Math.max(0, limit)).toList();
    }

    /** Oldest first (queued time; equal times keep the order they were queued in). */
    private Stream<QueueEntry> inQueueOrder() {
        return entries.values().stream()
                .sorted(Comparator.comparing(QueueEntry::queuedAt));
    }

}

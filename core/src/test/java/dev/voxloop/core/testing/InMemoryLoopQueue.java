package dev.voxloop.core.testing;

import dev.voxloop.core.queue.LoopQueue;
import dev.voxloop.core.queue.QueueEntry;
import dev.voxloop.core.queue.QueueStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
        QueueEntry cur = entries.get(key);
        if (cur != null && (cur.status() == QueueStatus.PENDING || cur.status() == QueueStatus.RUNNING)) {
            return false;
        }
        entries.remove(key);
        entries.put(key, new QueueEntry(key, summary, QueueStatus.PENDING, 0, null, clock.instant(), null, null, null,
                null, null));
        return true;
    }

    @Override
    public synchronized Optional<QueueEntry> claim(String owner, Duration lease) {
        return entries.values().stream().filter(e -> e.status() == QueueStatus.PENDING).findFirst()
                .map(e -> run(e, owner, lease));
    }

    @Override
    public synchronized Optional<QueueEntry> markStarted(String key, String owner, Duration lease) {
        QueueEntry e = entries.get(key);
        if (e == null) {
            return Optional.empty();
        }
        return switch (e.status()) {
            case PENDING -> Optional.of(run(e, owner, lease));
            case RUNNING -> Optional.of(e);
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
        QueueEntry e = entries.get(key);
        if (e == null || e.status() != QueueStatus.RUNNING) {
            return Optional.empty();
        }
        QueueStatus next = success ? QueueStatus.DONE
                : e.attempts() < maxAttempts ? QueueStatus.PENDING : QueueStatus.FAILED;
        QueueEntry done = new QueueEntry(key, e.summary(), next, e.attempts(), success ? e.lastError() : error,
                e.queuedAt(), e.startedAt(), clock.instant(), null, null, success);
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
        QueueEntry e = entries.get(key);
        if (e == null || e.status() != QueueStatus.FAILED) {
            return Optional.empty();
        }
        QueueEntry p = new QueueEntry(key, e.summary(), QueueStatus.PENDING, 0, e.lastError(), e.queuedAt(), null,
                null, null, null, null);
        entries.put(key, p);
        return Optional.of(p);
    }

    @Override
    public synchronized Optional<QueueEntry> find(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    @Override
    public synchronized List<QueueEntry> list(QueueStatus status, int limit) {
        return entries.values().stream().filter(e -> status == null || e.status() == status).limit(limit).toList();
    }
}

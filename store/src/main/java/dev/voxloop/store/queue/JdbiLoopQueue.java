package dev.voxloop.store.queue;

import dev.voxloop.core.queue.Backlog;
import dev.voxloop.core.queue.LoopQueue;
import dev.voxloop.core.queue.QueueEntry;
import dev.voxloop.core.queue.QueueInput;
import dev.voxloop.core.queue.QueueStatus;
import dev.voxloop.store.Database;
import dev.voxloop.store.Times;
import dev.voxloop.store.Unique;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The loop queue in {@code loop_queue}, one row per ticket key, wall-clock times from the given clock: queueing,
 * completing, parking and retrying entries here; claims and leases in {@link QueueLeases}, the row's columns in
 * {@link QueueRows}.
 */
public final class JdbiLoopQueue implements LoopQueue {

    private final Jdbi jdbi;
    private final Clock clock;
    private final QueueLeases leases;

    public JdbiLoopQueue(Database database, Clock clock) {
        this.jdbi = database.jdbi();
        this.clock = clock;
        this.leases = new QueueLeases(jdbi, database.dialect(), clock);
    }

    public JdbiLoopQueue(Database database) {
        this(database, Clock.systemUTC());
    }

    @Override
    public boolean enqueue(String key, String summary) {
        QueueInput.requireKey(key);
        String text = summary == null ? "" : summary;
        Instant now = now();
        int requeued = jdbi.withHandle(h -> h.createUpdate("UPDATE loop_queue SET summary = :summary, "
                        + "status = 'PENDING', attempts = 0, last_error = NULL, queued_at = :now, started_at = NULL, "
                        + "finished_at = NULL, lease_owner = NULL, lease_until = NULL, success = NULL "
                        + "WHERE ticket_key = :key AND status IN ('DONE', 'FAILED')")
                .bind("summary", text).bind("now", now).bind("key", key).execute());
        if (requeued == 1) {
            return true;
        }
        try {
            jdbi.useHandle(h -> h.createUpdate("INSERT INTO loop_queue (ticket_key, summary, status, attempts, "
                    + "queued_at) VALUES (:key, :summary, 'PENDING', 0, :now)")
                    .bind("key", key).bind("summary", text).bind("now", now).execute());
            return true;
        } catch (RuntimeException e) {
            if (Unique.violated(e)) {
                return false; // already PENDING or RUNNING (or queued by a concurrent caller just now)
            }
            throw e;
        }
    }

    @Override
    public Optional<QueueEntry> claim(String owner, Duration lease, Collection<String> projects) {
        QueueInput.requireOwner(owner, lease);
        return leases.claim(owner, lease, projects);
    }

    @Override
    public Optional<QueueEntry> markStarted(String key, String owner, Duration lease) {
        QueueInput.requireKey(key);
        QueueInput.requireOwner(owner, lease);
        return leases.markStarted(key, owner, lease);
    }

    @Override
    public boolean renew(String key, String owner, Duration lease) {
        QueueInput.requireKey(key);
        QueueInput.requireOwner(owner, lease);
        return leases.renew(key, owner, lease);
    }

    @Override
    public Optional<QueueEntry> complete(String key, boolean success, String error, int maxAttempts) {
        QueueInput.requireKey(key);
        Instant now = now();
        return jdbi.inTransaction(h -> {
            int rows = success
                    ? h.createUpdate("UPDATE loop_queue SET status = 'DONE', success = TRUE, finished_at = :now, "
                            + "lease_owner = NULL, lease_until = NULL WHERE ticket_key = :key AND status = 'RUNNING'")
                    .bind("now", now).bind("key", key).execute()
                    : h.createUpdate("UPDATE loop_queue SET "
                            + "status = CASE WHEN attempts < :max THEN 'PENDING' ELSE 'FAILED' END, "
                            + "success = CASE WHEN attempts < :max THEN NULL ELSE FALSE END, "
                            + "finished_at = CASE WHEN attempts < :max THEN NULL ELSE :now END, "
                            + "last_error = :error, lease_owner = NULL, lease_until = NULL "
                            + "WHERE ticket_key = :key AND status = 'RUNNING'")
                    .bind("max", maxAttempts).bind("now", now).bind("error", error == null ? "failed" : error)
                    .bind("key", key).execute();
            return rows == 1 ? QueueRows.find(h, key) : Optional.<QueueEntry>empty();
        });
    }

    @Override
    public Optional<QueueEntry> park(String key, String reason) {
        QueueInput.requireKey(key);
        Instant now = now();
        return jdbi.inTransaction(h -> {
            int rows = h.createUpdate("UPDATE loop_queue SET status = 'FAILED', success = FALSE, finished_at = :now, "
                            + "attempts = CASE WHEN attempts > 0 THEN attempts - 1 ELSE 0 END, last_error = :reason, "
                            + "lease_owner = NULL, lease_until = NULL WHERE ticket_key = :key AND status = 'RUNNING'")
                    .bind("now", now).bind("reason", reason == null ? "configuration problem" : reason)
                    .bind("key", key).execute();
            return rows == 1 ? QueueRows.find(h, key) : Optional.<QueueEntry>empty();
        });
    }

    @Override
    public boolean note(String key, String reason) {
        QueueInput.requireKey(key);
        return jdbi.withHandle(h -> h.createUpdate("UPDATE loop_queue SET last_error = :reason WHERE ticket_key = :key"
                        + " AND status = 'PENDING' AND " + (reason == null ? "last_error IS NOT NULL"
                        : "(last_error IS NULL OR last_error <> :reason)"))
                .bind("reason", reason).bind("key", key).execute()) == 1;
    }

    @Override
    public int releaseExpired() {
        return leases.releaseExpired();
    }

    @Override
    public Optional<QueueEntry> retry(String key) {
        QueueInput.requireKey(key);
        Instant now = now();
        return jdbi.inTransaction(h -> {
            int rows = h.createUpdate("UPDATE loop_queue SET status = 'PENDING', attempts = 0, queued_at = :now, "
                            + "started_at = NULL, finished_at = NULL, success = NULL, lease_owner = NULL, "
                            + "lease_until = NULL WHERE ticket_key = :key AND status = 'FAILED'")
                    .bind("now", now).bind("key", key).execute();
            return rows == 1 ? QueueRows.find(h, key) : Optional.<QueueEntry>empty();
        });
    }

    @Override
    public Optional<QueueEntry> find(String key) {
        if (key == null) {
            return Optional.empty();
        }
        return jdbi.withHandle(h -> QueueRows.find(h, key));
    }

    /** Oldest first (queue order); {@code status} null lists every entry. */
    @Override
    public List<QueueEntry> list(QueueStatus status, int limit) {
        return jdbi.withHandle(h -> {
            var q = h.createQuery("SELECT " + QueueRows.COLUMNS + " FROM loop_queue"
                    + (status == null ? "" : " WHERE status = :status") + " ORDER BY queued_at, ticket_key LIMIT :limit");
            if (status != null) {
                q.bind("status", status.name());
            }
            return q.bind("limit", Math.max(0, limit)).map(QueueRows::entry).list();
        });
    }

    @Override
    public Backlog backlog() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) AS pending, MIN(queued_at) AS oldest FROM loop_queue"
                + " WHERE status = 'PENDING'").map((r, ctx) -> new Backlog(r.getLong("pending"),
                Times.read(r, "oldest"))).one());
    }

    private Instant now() {
        return Times.stored(clock.instant());
    }
}

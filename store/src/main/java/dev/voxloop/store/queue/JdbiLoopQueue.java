package dev.voxloop.store.queue;

import dev.voxloop.core.problem.Problem;
import dev.voxloop.core.queue.Backlog;
import dev.voxloop.core.queue.LoopQueue;
import dev.voxloop.core.queue.QueueEntry;
import dev.voxloop.core.queue.QueueInput;
import dev.voxloop.core.queue.QueueStatus;
import dev.voxloop.store.Database;
import dev.voxloop.store.Dialect;
import dev.voxloop.store.Times;
import dev.voxloop.store.Unique;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The loop queue in {@code loop_queue}, one row per ticket key, wall-clock times from the given clock.
 *
 * <p>Claiming never hands one entry to two owners. PostgreSQL picks the oldest PENDING row with
 * {@code SELECT ... FOR UPDATE SKIP LOCKED} and marks it RUNNING in the same transaction, so concurrent workers
 * skip each other's rows instead of waiting. H2 applies LIMIT before skipping locked rows, so there the claim is a
 * compare-and-set: read a few candidate keys, then {@code UPDATE ... WHERE ticket_key = ? AND status = 'PENDING'};
 * only the writer whose update counted one row owns the entry, the others move on to the next candidate.
 */
public final class JdbiLoopQueue implements LoopQueue {

    private static final String COLUMNS = "ticket_key, summary, status, attempts, last_error, queued_at, started_at, "
            + "finished_at, lease_owner, lease_until, success";
    /** Candidates read per compare-and-set round on H2; more than one so racing workers spread out. */
    private static final int CANDIDATES = 8;
    private static final int MAX_ROUNDS = 100;

    private final Jdbi jdbi;
    private final Dialect dialect;
    private final Clock clock;

    public JdbiLoopQueue(Database database, Clock clock) {
        this.jdbi = database.jdbi();
        this.dialect = database.dialect();
        this.clock = clock;
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
        if (projects != null && projects.isEmpty()) {
            return Optional.empty();
        }
        String only = projects == null ? "" : projectFilter(projects);
        return dialect == Dialect.POSTGRES ? claimSkipLocked(owner, lease, only)
                : claimCompareAndSet(owner, lease, only);
    }

    /** {@code AND (ticket_key LIKE 'BOOK-%' OR ...)}; project keys are letters and digits, checked here. */
    private static String projectFilter(Collection<String> projects) {
        List<String> likes = new ArrayList<>();
        for (String p : projects) {
            if (!p.matches("[A-Za-z][A-Za-z0-9_]{0,31}")) {
                throw Problem.invalid("projects", "not a project key: " + p);
            }
            likes.add("ticket_key LIKE '" + p + "-%'");
        }
        return " AND (" + String.join(" OR ", likes) + ")";
    }

    private Optional<QueueEntry> claimSkipLocked(String owner, Duration lease, String only) {
        return jdbi.inTransaction(h -> {
            Optional<String> key = h.createQuery("SELECT ticket_key FROM loop_queue WHERE status = 'PENDING'" + only
                    + " ORDER BY queued_at, ticket_key LIMIT 1 FOR UPDATE SKIP LOCKED").mapTo(String.class).findOne();
            if (key.isEmpty()) {
                return Optional.<QueueEntry>empty();
            }
            start(h, key.get(), owner, lease);
            return find(h, key.get());
        });
    }

    private Optional<QueueEntry> claimCompareAndSet(String owner, Duration lease, String only) {
        for (int round = 0; round < MAX_ROUNDS; round++) {
            List<String> candidates = jdbi.withHandle(h -> h.createQuery("SELECT ticket_key FROM loop_queue "
                            + "WHERE status = 'PENDING'" + only + " ORDER BY queued_at, ticket_key LIMIT :n")
                    .bind("n", CANDIDATES).mapTo(String.class).list());
            if (candidates.isEmpty()) {
                return Optional.empty();
            }
            for (String key : candidates) {
                Optional<QueueEntry> won = jdbi.withHandle(h -> start(h, key, owner, lease) == 1
                        ? find(h, key) : Optional.empty());
                if (won.isPresent()) {
                    return won;
                }
            }
        }
        throw new Problem(Problem.Kind.UNAVAILABLE, "the loop queue is too busy to claim an entry; try again");
    }

    /** PENDING to RUNNING for {@code owner}; counts the attempt. Returns the rows changed (0 when lost). */
    private int start(Handle h, String key, String owner, Duration lease) {
        Instant now = now();
        return h.createUpdate("UPDATE loop_queue SET status = 'RUNNING', attempts = attempts + 1, "
                        + "started_at = :now, finished_at = NULL, success = NULL, lease_owner = :owner, "
                        + "lease_until = :until WHERE ticket_key = :key AND status = 'PENDING'")
                .bind("now", now).bind("owner", owner).bind("until", now.plus(lease)).bind("key", key).execute();
    }

    @Override
    public Optional<QueueEntry> markStarted(String key, String owner, Duration lease) {
        QueueInput.requireKey(key);
        QueueInput.requireOwner(owner, lease);
        return jdbi.inTransaction(h -> {
            if (start(h, key, owner, lease) == 1) {
                return find(h, key);
            }
            Optional<QueueEntry> current = find(h, key);
            if (current.isPresent() && current.get().status() == QueueStatus.RUNNING
                    && owner.equals(current.get().leaseOwner())) {
                renew(h, key, owner, lease); // the same runner saying "started" twice
                return find(h, key);
            }
            return Optional.<QueueEntry>empty();
        });
    }

    @Override
    public boolean renew(String key, String owner, Duration lease) {
        QueueInput.requireKey(key);
        QueueInput.requireOwner(owner, lease);
        return jdbi.withHandle(h -> renew(h, key, owner, lease)) == 1;
    }

    private int renew(Handle h, String key, String owner, Duration lease) {
        return h.createUpdate("UPDATE loop_queue SET lease_until = :until WHERE ticket_key = :key "
                        + "AND status = 'RUNNING' AND lease_owner = :owner")
                .bind("until", now().plus(lease)).bind("key", key).bind("owner", owner).execute();
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
            return rows == 1 ? find(h, key) : Optional.<QueueEntry>empty();
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
            return rows == 1 ? find(h, key) : Optional.<QueueEntry>empty();
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
        Instant now = now();
        return jdbi.withHandle(h -> h.createUpdate("UPDATE loop_queue SET status = 'PENDING', lease_owner = NULL, "
                        + "lease_until = NULL, last_error = 'lease expired' "
                        + "WHERE status = 'RUNNING' AND lease_until < :now")
                .bind("now", now).execute());
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
            return rows == 1 ? find(h, key) : Optional.<QueueEntry>empty();
        });
    }

    @Override
    public Optional<QueueEntry> find(String key) {
        if (key == null) {
            return Optional.empty();
        }
        return jdbi.withHandle(h -> find(h, key));
    }

    private Optional<QueueEntry> find(Handle h, String key) {
        return h.createQuery("SELECT " + COLUMNS + " FROM loop_queue WHERE ticket_key = :key").bind("key", key)
                .map(JdbiLoopQueue::row).findOne();
    }

    /** Oldest first (queue order); {@code status} null lists every entry. */
    @Override
    public List<QueueEntry> list(QueueStatus status, int limit) {
        return jdbi.withHandle(h -> {
            var q = h.createQuery("SELECT " + COLUMNS + " FROM loop_queue"
                    + (status == null ? "" : " WHERE status = :status") + " ORDER BY queued_at, ticket_key LIMIT :limit");
            if (status != null) {
                q.bind("status", status.name());
            }
            return q.bind("limit", Math.max(0, limit)).map(JdbiLoopQueue::row).list();
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


    private static QueueEntry row(ResultSet r, StatementContext ctx) throws SQLException {
        boolean success = r.getBoolean("success");
        Boolean outcome = r.wasNull() ? null : success;
        return new QueueEntry(r.getString("ticket_key"), r.getString("summary"),
                QueueStatus.valueOf(r.getString("status")), r.getInt("attempts"), r.getString("last_error"),
                Times.read(r, "queued_at"), Times.read(r, "started_at"), Times.read(r, "finished_at"),
                r.getString("lease_owner"), Times.read(r, "lease_until"), outcome);
    }
}

package dev.voxloop.store.queue;

import dev.voxloop.core.problem.Problem;
import dev.voxloop.core.queue.QueueEntry;
import dev.voxloop.core.queue.QueueStatus;
import dev.voxloop.store.Dialect;
import dev.voxloop.store.Times;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Who holds a queue entry, and until when: claiming a PENDING entry with a lease, renewing it, and giving back
 * the ones whose lease lapsed. A lease ends at {@code lease_until} = the claim's (or last renewal's) time plus the
 * lease; after that {@link #releaseExpired()} makes the entry PENDING again for the next worker.
 *
 * <p>Claiming never hands one entry to two owners. PostgreSQL picks the oldest PENDING row with
 * {@code SELECT ... FOR UPDATE SKIP LOCKED} and marks it RUNNING in the same transaction, so concurrent workers
 * skip each other's rows instead of waiting. H2 applies LIMIT before skipping locked rows, so there the claim is a
 * compare-and-set: read a few candidate keys, then {@code UPDATE ... WHERE ticket_key = ? AND status = 'PENDING'};
 * only the writer whose update counted one row owns the entry, the others move on to the next candidate.
 */
final class QueueLeases {

    /** Candidates read per compare-and-set round on H2; more than one so racing workers spread out. */
    private static final int CANDIDATES = 8;
    private static final int MAX_ROUNDS = 100;

    private final Jdbi jdbi;
    private final Dialect dialect;
    private final Clock clock;

    QueueLeases(Jdbi jdbi, Dialect dialect, Clock clock) {
        this.jdbi = jdbi;
        this.dialect = dialect;
        this.clock = clock;
    }

    /** The oldest PENDING entry of {@code projects} (null: any), now RUNNING for {@code owner}; empty when none. */
    Optional<QueueEntry> claim(String owner, Duration lease, Collection<String> projects) {
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
            return QueueRows.find(h, key.get());
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
                        ? QueueRows.find(h, key) : Optional.empty());
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

    /** {@code key} RUNNING for {@code owner}: started now, or renewed when it already is (a repeated "started"). */
    Optional<QueueEntry> markStarted(String key, String owner, Duration lease) {
        return jdbi.inTransaction(h -> {
            if (start(h, key, owner, lease) == 1) {
                return QueueRows.find(h, key);
            }
            Optional<QueueEntry> current = QueueRows.find(h, key);
            if (current.isPresent() && current.get().status() == QueueStatus.RUNNING
                    && owner.equals(current.get().leaseOwner())) {
                renew(h, key, owner, lease); // the same runner saying "started" twice
                return QueueRows.find(h, key);
            }
            return Optional.<QueueEntry>empty();
        });
    }

    /** Moves {@code owner}'s lease on a RUNNING {@code key} to a lease from now; false when it is not theirs. */
    boolean renew(String key, String owner, Duration lease) {
        return jdbi.withHandle(h -> renew(h, key, owner, lease)) == 1;
    }

    private int renew(Handle h, String key, String owner, Duration lease) {
        return h.createUpdate("UPDATE loop_queue SET lease_until = :until WHERE ticket_key = :key "
                        + "AND status = 'RUNNING' AND lease_owner = :owner")
                .bind("until", now().plus(lease)).bind("key", key).bind("owner", owner).execute();
    }

    /** RUNNING entries whose lease lapsed go back to PENDING. Returns how many. */
    int releaseExpired() {
        Instant now = now();
        return jdbi.withHandle(h -> h.createUpdate("UPDATE loop_queue SET status = 'PENDING', lease_owner = NULL, "
                        + "lease_until = NULL, last_error = 'lease expired' "
                        + "WHERE status = 'RUNNING' AND lease_until < :now")
                .bind("now", now).execute());
    }

    private Instant now() {
        return Times.stored(clock.instant());
    }
}

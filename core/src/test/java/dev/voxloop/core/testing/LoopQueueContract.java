package dev.voxloop.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.voxloop.core.problem.Problem;
import dev.voxloop.core.queue.Backlog;
import dev.voxloop.core.queue.LoopQueue;
import dev.voxloop.core.queue.QueueEntry;
import dev.voxloop.core.queue.QueueStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The documented semantics of {@link LoopQueue}, for every implementation (the in-memory fixture and the durable
 * stores): extend it and return a fresh, empty queue whose clock is the given {@link ManualClock}.
 */
public abstract class LoopQueueContract {

    protected static final Instant T0 = Instant.parse("2026-11-25T12:00:00Z");
    private static final Duration LEASE = Duration.ofMinutes(5);

    protected ManualClock clock;
    protected LoopQueue queue;

    protected abstract LoopQueue newQueue(ManualClock clock);

    @BeforeEach
    void fresh() {
        clock = new ManualClock(T0);
        queue = newQueue(clock);
    }

    private QueueEntry entry(String key) {
        return queue.find(key).orElseThrow();
    }

    @Test
    void enqueueStoresAPendingEntryWithWallClockTime() {
        assertThat(queue.enqueue("BOOK-1", "Calendar crashes")).isTrue();

        QueueEntry e = entry("BOOK-1");
        assertThat(e.status()).isEqualTo(QueueStatus.PENDING);
        assertThat(e.summary()).isEqualTo("Calendar crashes");
        assertThat(e.attempts()).isZero();
        assertThat(e.queuedAt()).isEqualTo(T0);
        assertThat(e.startedAt()).isNull();
        assertThat(e.leaseOwner()).isNull();
        assertThat(e.success()).isNull();
    }

    @Test
    void theBacklogCountsPendingEntriesAndKnowsTheOldest() {
        assertThat(queue.backlog()).isEqualTo(Backlog.EMPTY);
        queue.enqueue("BOOK-1", "first");
        clock.advance(Duration.ofMinutes(1));
        queue.enqueue("BOOK-2", "second");
        queue.enqueue("BOOK-3", "third");
        assertThat(queue.backlog()).isEqualTo(new Backlog(3, T0));
        queue.claim("w1", LEASE);
        assertThat(queue.backlog()).isEqualTo(new Backlog(2, T0.plus(Duration.ofMinutes(1))));
    }

    @Test
    void aKeyIsNotQueuedTwiceWhilePendingOrRunning() {
        assertThat(queue.enqueue("BOOK-1", "a")).isTrue();
        assertThat(queue.enqueue("BOOK-1", "b")).isFalse();
        queue.claim("w1", LEASE);
        assertThat(queue.enqueue("BOOK-1", "c")).isFalse();

        assertThat(entry("BOOK-1").summary()).isEqualTo("a");
        assertThat(entry("BOOK-1").status()).isEqualTo(QueueStatus.RUNNING);
    }

    @Test
    void aFinishedKeyIsQueuedAgainWithAttemptsReset() {
        queue.enqueue("BOOK-1", "a");
        queue.claim("w1", LEASE);
        queue.complete("BOOK-1", false, "boom", 1);
        assertThat(entry("BOOK-1").status()).isEqualTo(QueueStatus.FAILED);
        clock.advance(Duration.ofMinutes(1));

        assertThat(queue.enqueue("BOOK-1", "again")).isTrue();

        QueueEntry e = entry("BOOK-1");
        assertThat(e.status()).isEqualTo(QueueStatus.PENDING);
        assertThat(e.attempts()).isZero();
        assertThat(e.lastError()).isNull();
        assertThat(e.summary()).isEqualTo("again");
        assertThat(e.queuedAt()).isEqualTo(T0.plus(Duration.ofMinutes(1)));

        queue.claim("w1", LEASE);
        queue.complete("BOOK-1", true, null, 3);
        assertThat(queue.enqueue("BOOK-1", "third")).isTrue();
    }

    @Test
    void concurrentEnqueuesOfOneKeyAcceptExactlyOne() throws Exception {
        List<Boolean> accepted = Concurrently.run(8, i -> queue.enqueue("SHOP-9", "s" + i));

        assertThat(accepted).filteredOn(Boolean::booleanValue).hasSize(1);
        assertThat(queue.list(null, 10)).hasSize(1);
    }

    @Test
    void claimTakesTheOldestPendingEntryWithALease() {
        queue.enqueue("BOOK-2", "second");
        clock.advance(Duration.ofSeconds(1));
        queue.enqueue("BOOK-1", "third");
        clock.advance(Duration.ofSeconds(1));
        assertThat(queue.list(QueueStatus.PENDING, 10)).extracting(QueueEntry::key).containsExactly("BOOK-2", "BOOK-1");

        QueueEntry e = queue.claim("worker-a", LEASE).orElseThrow();

        assertThat(e.key()).isEqualTo("BOOK-2");
        assertThat(e.status()).isEqualTo(QueueStatus.RUNNING);
        assertThat(e.attempts()).isEqualTo(1);
        assertThat(e.leaseOwner()).isEqualTo("worker-a");
        assertThat(e.startedAt()).isEqualTo(T0.plusSeconds(2));
        assertThat(e.leaseUntil()).isEqualTo(T0.plusSeconds(2).plus(LEASE));
        assertThat(queue.claim("worker-b", LEASE)).map(QueueEntry::key).contains("BOOK-1");
        assertThat(queue.claim("worker-c", LEASE)).isEmpty();
    }

    @Test
    void concurrentWorkersNeverGetTheSameEntry() throws Exception {
        int entries = 60;
        for (int i = 0; i < entries; i++) {
            queue.enqueue("LOAD-" + i, "entry " + i);
        }

        List<List<String>> claimedPerWorker = Concurrently.run(8, w -> {
            List<String> mine = new ArrayList<>();
            for (Optional<QueueEntry> e = queue.claim("w" + w, LEASE); e.isPresent();
                 e = queue.claim("w" + w, LEASE)) {
                assertThat(e.get().leaseOwner()).isEqualTo("w" + w);
                mine.add(e.get().key());
            }
            return mine;
        });

        List<String> all = claimedPerWorker.stream().flatMap(List::stream).toList();
        assertThat(all).hasSize(entries);
        assertThat(new HashSet<>(all)).hasSize(entries);
        assertThat(queue.list(QueueStatus.RUNNING, 100)).hasSize(entries)
                .allSatisfy(e -> assertThat(e.attempts()).isEqualTo(1));
    }

    @Test
    void renewExtendsOnlyTheOwnersLease() {
        queue.enqueue("BOOK-1", "a");
        queue.claim("w1", LEASE);
        clock.advance(Duration.ofMinutes(4));

        assertThat(queue.renew("BOOK-1", "w1", LEASE)).isTrue();
        assertThat(entry("BOOK-1").leaseUntil()).isEqualTo(T0.plus(Duration.ofMinutes(9)));
        assertThat(queue.renew("BOOK-1", "w2", LEASE)).isFalse();
        assertThat(queue.renew("NOPE-1", "w1", LEASE)).isFalse();

        clock.advance(Duration.ofMinutes(4));
        assertThat(queue.releaseExpired()).isZero();
    }

    @Test
    void lapsedLeasesReturnToTheQueueWithTheirAttemptCounted() {
        queue.enqueue("BOOK-1", "a");
        queue.enqueue("BOOK-2", "b");
        queue.claim("crashed", LEASE);
        queue.claim("alive", Duration.ofMinutes(20));
        clock.advance(Duration.ofMinutes(6));

        assertThat(queue.releaseExpired()).isEqualTo(1);

        QueueEntry back = entry("BOOK-1");
        assertThat(back.status()).isEqualTo(QueueStatus.PENDING);
        assertThat(back.leaseOwner()).isNull();
        assertThat(back.attempts()).isEqualTo(1);
        assertThat(back.lastError()).contains("lease expired");
        assertThat(queue.renew("BOOK-1", "crashed", LEASE)).isFalse();
        assertThat(entry("BOOK-2").status()).isEqualTo(QueueStatus.RUNNING);

        QueueEntry again = queue.claim("w2", LEASE).orElseThrow();
        assertThat(again.key()).isEqualTo("BOOK-1");
        assertThat(again.attempts()).isEqualTo(2);
    }

    @Test
    void successMakesItDone() {
        queue.enqueue("BOOK-1", "a");
        queue.claim("w1", LEASE);
        clock.advance(Duration.ofSeconds(30));

        QueueEntry done = queue.complete("BOOK-1", true, null, 3).orElseThrow();

        assertThat(done.status()).isEqualTo(QueueStatus.DONE);
        assertThat(done.success()).isTrue();
        assertThat(done.finishedAt()).isEqualTo(T0.plusSeconds(30));
        assertThat(done.leaseOwner()).isNull();
        assertThat(queue.complete("BOOK-1", true, null, 3)).isEmpty();
    }

    @Test
    void failuresRetryUntilMaxAttemptsThenDeadLetter() {
        queue.enqueue("BOOK-1", "a");

        queue.claim("w", LEASE);
        QueueEntry first = queue.complete("BOOK-1", false, "tests failed", 2).orElseThrow();
        assertThat(first.status()).isEqualTo(QueueStatus.PENDING);
        assertThat(first.attempts()).isEqualTo(1);
        assertThat(first.lastError()).isEqualTo("tests failed");
        assertThat(first.success()).isNull();

        queue.claim("w", LEASE);
        QueueEntry dead = queue.complete("BOOK-1", false, "tests failed again", 2).orElseThrow();
        assertThat(dead.status()).isEqualTo(QueueStatus.FAILED);
        assertThat(dead.attempts()).isEqualTo(2);
        assertThat(dead.lastError()).isEqualTo("tests failed again");
        assertThat(dead.success()).isFalse();
        assertThat(dead.finishedAt()).isEqualTo(T0);
        assertThat(queue.claim("w", LEASE)).isEmpty();
        assertThat(queue.list(QueueStatus.FAILED, 10)).extracting(QueueEntry::key).containsExactly("BOOK-1");
    }

    @Test
    void completingAnEntryThatIsNotRunningChangesNothing() {
        queue.enqueue("BOOK-1", "a");

        assertThat(queue.complete("BOOK-1", true, null, 3)).isEmpty();
        assertThat(queue.complete("NOPE-1", false, "x", 3)).isEmpty();
        assertThat(entry("BOOK-1").status()).isEqualTo(QueueStatus.PENDING);
    }

    @Test
    void retryRevivesADeadLetter() {
        queue.enqueue("BOOK-1", "a");
        queue.claim("w", LEASE);
        queue.complete("BOOK-1", false, "boom", 1);
        clock.advance(Duration.ofHours(1));

        QueueEntry revived = queue.retry("BOOK-1").orElseThrow();

        assertThat(revived.status()).isEqualTo(QueueStatus.PENDING);
        assertThat(revived.attempts()).isZero();
        assertThat(revived.lastError()).isEqualTo("boom");
        assertThat(revived.queuedAt()).isEqualTo(T0.plus(Duration.ofHours(1)));
        assertThat(queue.retry("BOOK-1")).isEmpty();
        assertThat(queue.retry("NOPE-1")).isEmpty();
    }

    @Test
    void markStartedTakesAPendingEntryForAnExternalRunner() {
        queue.enqueue("BOOK-1", "a");

        QueueEntry started = queue.markStarted("BOOK-1", "runner", LEASE).orElseThrow();
        assertThat(started.status()).isEqualTo(QueueStatus.RUNNING);
        assertThat(started.attempts()).isEqualTo(1);

        clock.advance(Duration.ofMinutes(1));
        QueueEntry twice = queue.markStarted("BOOK-1", "runner", LEASE).orElseThrow();
        assertThat(twice.attempts()).isEqualTo(1);
        assertThat(twice.leaseUntil()).isEqualTo(T0.plus(Duration.ofMinutes(1)).plus(LEASE));

        assertThat(queue.markStarted("BOOK-1", "other", LEASE)).isEmpty();
        assertThat(queue.markStarted("NOPE-1", "runner", LEASE)).isEmpty();
    }

    @Test
    void listFiltersByStatusInQueueOrder() {
        queue.enqueue("A-1", "a");
        clock.advance(Duration.ofSeconds(1));
        queue.enqueue("B-1", "b");
        clock.advance(Duration.ofSeconds(1));
        queue.enqueue("C-1", "c");
        queue.claim("w", LEASE);

        assertThat(queue.list(QueueStatus.PENDING, 10)).extracting(QueueEntry::key).containsExactly("B-1", "C-1");
        assertThat(queue.list(null, 10)).extracting(QueueEntry::key).containsExactly("A-1", "B-1", "C-1");
        assertThat(queue.list(null, 2)).hasSize(2);
        assertThat(queue.find("Z-1")).isEmpty();
    }

    @Test
    void badArgumentsAreProblems() {
        assertThatThrownBy(() -> queue.enqueue(" ", "x")).isInstanceOf(Problem.class);
        assertThatThrownBy(() -> queue.claim("", LEASE)).isInstanceOf(Problem.class);
        assertThatThrownBy(() -> queue.claim("w", Duration.ZERO)).isInstanceOf(Problem.class);
    }
    @Test
    void aClaimForSomeProjectsLeavesTheOthersQueued() {
        queue.enqueue("BOOK-1", "older, but BookIt has no repository");
        clock.advance(Duration.ofSeconds(1));
        queue.enqueue("TRACK-1", "newer");

        assertThat(queue.claim("w1", LEASE, List.of("TRACK")).orElseThrow().key()).isEqualTo("TRACK-1");
        assertThat(queue.claim("w1", LEASE, List.of("TRACK"))).isEmpty();
        assertThat(queue.claim("w1", LEASE, List.of())).isEmpty();
        assertThat(entry("BOOK-1").status()).isEqualTo(QueueStatus.PENDING);
        assertThat(entry("BOOK-1").attempts()).isZero();
        assertThat(queue.claim("w2", LEASE, null).orElseThrow().key()).isEqualTo("BOOK-1");
    }

    @Test
    void parkingPutsARunningEntryOnTheFailedListWithoutCountingItsAttempt() {
        queue.enqueue("BOOK-1", "x");
        queue.claim("w1", LEASE);

        QueueEntry parked = queue.park("BOOK-1", "project BOOK has no repository").orElseThrow();

        assertThat(parked.status()).isEqualTo(QueueStatus.FAILED);
        assertThat(parked.attempts()).isZero();
        assertThat(parked.lastError()).isEqualTo("project BOOK has no repository");
        assertThat(queue.park("BOOK-1", "again")).isEmpty();
        assertThat(queue.retry("BOOK-1").orElseThrow().status()).isEqualTo(QueueStatus.PENDING);
    }

    @Test
    void aNoteOnAPendingEntryChangesOnceAndOnlyWhenDifferent() {
        queue.enqueue("BOOK-1", "x");

        assertThat(queue.note("BOOK-1", "no repository")).isTrue();
        assertThat(queue.note("BOOK-1", "no repository")).isFalse();
        assertThat(entry("BOOK-1").lastError()).isEqualTo("no repository");
        assertThat(queue.note("BOOK-1", null)).isTrue();
        assertThat(entry("BOOK-1").lastError()).isNull();
        assertThat(queue.note("NOPE-1", "x")).isFalse();
        assertThat(entry("BOOK-1").status()).isEqualTo(QueueStatus.PENDING);
    }
}

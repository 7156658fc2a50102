package dev.voxloop.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voxloop.core.queue.LoopQueue;
import dev.voxloop.core.queue.QueueEntry;
import dev.voxloop.core.queue.QueueStatus;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The documented semantics of {@link LoopQueue}, for every implementation: extend it and return a fresh, empty
 * queue whose clock is {@link #clock}.
 */
public abstract class LoopQueueContract {

    protected final ManualClock clock = ManualClock.startingNow();
    protected LoopQueue queue;

    protected abstract LoopQueue newQueue(ManualClock clock);

    @BeforeEach
    void fresh() {
        queue = newQueue(clock);
    }

    @Test
    void dedupWhilePendingOrRunningButRequeueWhenFinished() {
        assertThat(queue.enqueue("A-1", "first")).isTrue();
        assertThat(queue.enqueue("A-1", "again")).isFalse();
        queue.markStarted("A-1", "w", Duration.ofMinutes(5)).orElseThrow();
        assertThat(queue.enqueue("A-1", "while running")).isFalse();
        queue.complete("A-1", true, null, 3).orElseThrow();
        assertThat(queue.enqueue("A-1", "after done")).isTrue();
        assertThat(queue.find("A-1").orElseThrow().attempts()).isZero();
    }

    @Test
    void pendingInInsertionOrderAndClaimTakesTheOldest() {
        queue.enqueue("A-2", "two");
        clock.advance(Duration.ofSeconds(1));
        queue.enqueue("A-1", "one");
        assertThat(queue.list(QueueStatus.PENDING, 10)).extracting(QueueEntry::key).containsExactly("A-2", "A-1");
        QueueEntry claimed = queue.claim("w1", Duration.ofMinutes(1)).orElseThrow();
        assertThat(claimed.key()).isEqualTo("A-2");
        assertThat(claimed.status()).isEqualTo(QueueStatus.RUNNING);
        assertThat(claimed.leaseOwner()).isEqualTo("w1");
        assertThat(queue.claim("w2", Duration.ofMinutes(1)).orElseThrow().key()).isEqualTo("A-1");
        assertThat(queue.claim("w3", Duration.ofMinutes(1))).isEmpty();
    }

    @Test
    void failuresRetryUntilTheDeadLetter() {
        queue.enqueue("A-1", "s");
        for (int i = 1; i <= 2; i++) {
            queue.markStarted("A-1", "w", Duration.ofMinutes(5)).orElseThrow();
            assertThat(queue.complete("A-1", false, "boom " + i, 3).orElseThrow().status())
                    .isEqualTo(QueueStatus.PENDING);
        }
        queue.markStarted("A-1", "w", Duration.ofMinutes(5)).orElseThrow();
        QueueEntry dead = queue.complete("A-1", false, "boom 3", 3).orElseThrow();
        assertThat(dead.status()).isEqualTo(QueueStatus.FAILED);
        assertThat(dead.attempts()).isEqualTo(3);
        assertThat(dead.lastError()).isEqualTo("boom 3");
        assertThat(queue.list(QueueStatus.FAILED, 10)).hasSize(1);

        QueueEntry retried = queue.retry("A-1").orElseThrow();
        assertThat(retried.status()).isEqualTo(QueueStatus.PENDING);
        assertThat(retried.attempts()).isZero();
        assertThat(queue.retry("A-1")).as("only failed entries").isEmpty();
        assertThat(queue.retry("NOPE-1")).isEmpty();
    }

    @Test
    void unknownKeysAreEmptyNotSilentlyAccepted() {
        assertThat(queue.markStarted("NOPE-1", "w", Duration.ofMinutes(1))).isEmpty();
        assertThat(queue.complete("NOPE-1", true, null, 3)).isEmpty();
        assertThat(queue.find("NOPE-1")).isEmpty();
    }

    @Test
    void lapsedLeasesGoBackToPendingAndOnlyTheOwnerRenews() {
        queue.enqueue("A-1", "s");
        queue.claim("w1", Duration.ofSeconds(30)).orElseThrow();
        assertThat(queue.renew("A-1", "w2", Duration.ofSeconds(30))).isFalse();
        assertThat(queue.renew("A-1", "w1", Duration.ofSeconds(30))).isTrue();
        clock.advance(Duration.ofSeconds(10));
        assertThat(queue.releaseExpired()).isZero();
        clock.advance(Duration.ofSeconds(60));
        assertThat(queue.releaseExpired()).isEqualTo(1);
        assertThat(queue.find("A-1").orElseThrow().status()).isEqualTo(QueueStatus.PENDING);
    }
}

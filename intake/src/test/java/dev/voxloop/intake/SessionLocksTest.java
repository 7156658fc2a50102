package dev.voxloop.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SessionLocksTest {

    private final SessionLocks locks = new SessionLocks();

    @Test
    void sessionsWhoseIdsHashAlikeDoNotWaitForEachOther() throws Exception {
        // "Aa" and "BB" have the same String hash: any striping by hash puts them behind one lock
        assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> locks.with("Aa", () -> {
                inside.countDown();
                await(release);
                return "Aa";
            }), pool);
            assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<String> second = CompletableFuture.supplyAsync(() -> locks.with("BB", () -> "BB"), pool);
            assertThat(second.get(5, TimeUnit.SECONDS)).as("BB ran while Aa held its lock").isEqualTo("BB");
            release.countDown();
            assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("Aa");
        }
        assertThat(locks.inUse()).as("no lock kept once nobody holds it").isZero();
    }

    @Test
    void requestsForOneSessionRunOneAtATime() throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            CompletableFuture<?>[] calls = new CompletableFuture<?>[8];
            for (int i = 0; i < calls.length; i++) {
                calls[i] = CompletableFuture.runAsync(() -> locks.with("s1", () -> {
                    most.accumulateAndGet(running.incrementAndGet(), Math::max);
                    sleep();
                    running.decrementAndGet();
                    return null;
                }), pool);
            }
            CompletableFuture.allOf(calls).get(30, TimeUnit.SECONDS);
        }
        assertThat(most.get()).isEqualTo(1);
        assertThat(locks.inUse()).isZero();
    }

    @Test
    void aFailingRequestLeavesNoLockBehind() {
        try {
            locks.with("s2", () -> {
                throw new IllegalStateException("boom");
            });
        } catch (IllegalStateException expected) {
            // the lock must still be released and forgotten
        }
        assertThat(locks.inUse()).isZero();
        assertThat(locks.with("s2", () -> "again")).isEqualTo("again");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

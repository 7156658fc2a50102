package dev.voxloop.bench.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** The soak's thread count by name, read from a live JVM (this one) through jcmd. */
class ThreadNamesTest {

    @Test
    void countsThreadsByNameWithNumbersFoldedAndListsWhatChanged() throws Exception {
        long pid = ProcessHandle.current().pid();
        ThreadNames before = ThreadNames.of(pid);
        CountDownLatch done = new CountDownLatch(1);
        Thread a = Thread.ofPlatform().name("soak-probe-17").start(() -> await(done));
        Thread b = Thread.ofPlatform().name("soak-probe-4").start(() -> await(done));
        try {
            ThreadNames during = ThreadNames.of(pid);

            assertThat(during.counts()).containsEntry("main", 1).containsEntry("soak-probe-N", 2);
            assertThat(during.changedSince(before)).contains("soak-probe-N: 0 -> 2");
            assertThat(before.changedSince(during)).contains("soak-probe-N: 2 -> 0");
        } finally {
            done.countDown();
            a.join();
            b.join();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

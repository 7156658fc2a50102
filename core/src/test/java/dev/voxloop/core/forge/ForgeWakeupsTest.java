package dev.voxloop.core.forge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ForgeWakeupsTest {

    private final ForgeWakeups wakeups = new ForgeWakeups();

    @Test
    void aSignalThatCameWhileTheRunReadTheForgeEndsTheNextWaitAtOnce() throws Exception {
        long seen = wakeups.seen("octo/shop");
        wakeups.signal("octo/shop"); // the webhook's delivery, while the run was reading the checks

        long start = System.nanoTime();
        assertThat(wakeups.await("octo/shop", seen, Duration.ofSeconds(30))).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void withoutASignalTheWaitLastsThePollAndSaysSo() throws Exception {
        wakeups.signal("octo/other");
        long seen = wakeups.seen("octo/shop");

        assertThat(wakeups.await("octo/shop", seen, Duration.ofMillis(50))).isFalse();
        assertThat(wakeups.await("octo/shop", Duration.ofMillis(50))).isFalse();
    }

    @Test
    void aSignalFromAnotherThreadWakesTheWaiter() throws Exception {
        long seen = wakeups.seen("octo/shop");
        Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
            wakeups.signal("octo/shop");
        });

        assertThat(wakeups.await("octo/shop", seen, Duration.ofSeconds(30))).isTrue();
    }
}

package dev.voxloop.core.deferred;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InFlightTest {

    @Test
    void closingWaitsForWhatRunsAndRefusesWhatComesAfter() throws Exception {
        InFlight loads = new InFlight();
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        Thread load = Thread.ofPlatform().start(() -> {
            loads.enter(IllegalStateException::new);
            try {
                inside.countDown();
                finish.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                loads.leave();
            }
        });
        assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Boolean> closed = CompletableFuture.supplyAsync(() -> loads.close(Duration.ofSeconds(10)));
        Thread.sleep(100);
        assertThat(closed).as("close waits while a load runs").isNotDone();
        assertThat(loads.closed()).isTrue();
        assertThatThrownBy(() -> loads.enter(() -> new IllegalStateException("stopping")))
                .hasMessage("stopping");

        finish.countDown();
        assertThat(closed.get(5, TimeUnit.SECONDS)).as("nothing runs any more").isTrue();
        load.join();
    }

    @Test
    void closingGivesUpAfterItsBound() throws Exception {
        InFlight loads = new InFlight();
        loads.enter(IllegalStateException::new);
        long t0 = System.nanoTime();
        assertThat(loads.close(Duration.ofMillis(200))).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isBetween(Duration.ofMillis(150), Duration.ofSeconds(5));
        loads.leave();
        assertThat(loads.close(Duration.ZERO)).isTrue();
    }
}

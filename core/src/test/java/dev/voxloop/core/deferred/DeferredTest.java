package dev.voxloop.core.deferred;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.voxloop.core.problem.Problem;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DeferredTest {

    @Test
    void nothingIsBuiltUntilStartedOrAskedFor() throws Exception {
        AtomicInteger builds = new AtomicInteger();
        Deferred<String> d = new Deferred<>("test model", () -> {
            builds.incrementAndGet();
            return "model";
        });
        Thread.sleep(50);
        assertThat(builds).hasValue(0);
        assertThat(d.ready()).isFalse();

        assertThat(d.get(Duration.ofSeconds(5))).isEqualTo("model");
        assertThat(d.await(Duration.ofSeconds(5))).contains("model");
        assertThat(d.ready()).isTrue();
        assertThat(builds).hasValue(1);
    }

    @Test
    void startReturnsAtOnceAndBuildsOnce() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger builds = new AtomicInteger();
        Deferred<String> d = new Deferred<>("slow model", () -> {
            builds.incrementAndGet();
            try {
                release.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return "model";
        });
        d.start();
        d.start();

        assertThat(d.await(Duration.ofMillis(50))).isEmpty();
        assertThatThrownBy(() -> d.get(Duration.ofMillis(50))).isInstanceOf(Problem.class)
                .hasMessage("The slow model is still loading; try again shortly")
                .satisfies(e -> assertThat(((Problem) e).kind()).isEqualTo(Problem.Kind.UNAVAILABLE));
        release.countDown();
        assertThat(d.get(Duration.ofSeconds(5))).isEqualTo("model");
        assertThat(builds).hasValue(1);
    }

    @Test
    void aFailureIsKeptAndToldToEveryCaller() {
        Deferred<String> d = new Deferred<>("broken model", () -> {
            throw new UnsatisfiedLinkError("no libwhisper for this machine");
        });

        assertThatThrownBy(() -> d.get(Duration.ofSeconds(5))).isInstanceOf(Problem.class)
                .hasMessage("The broken model is unavailable: no libwhisper for this machine");
        assertThat(d.await(Duration.ofSeconds(1))).isEmpty();
        assertThat(d.ready()).isFalse();
        assertThat(d.failure()).get().isInstanceOf(UnsatisfiedLinkError.class);
    }
}

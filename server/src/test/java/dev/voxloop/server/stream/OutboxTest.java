package dev.voxloop.server.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class OutboxTest {

    @Test
    void aClientThatFallsBehindIsClosedNotBufferedForever() throws Exception {
        Outbox<Integer> box = new Outbox<>(3);
        assertThat(box.offer(1)).isTrue();
        assertThat(box.offer(2)).isTrue();
        assertThat(box.offer(3)).isTrue();
        assertThat(box.offer(4)).as("full: the client is too slow").isFalse();
        assertThat(box.closed()).isTrue();
        assertThat(box.overflowed()).isTrue();
        assertThat(box.next(Duration.ofMillis(10))).as("queued items are dropped with the client").isNull();
        assertThat(box.offer(5)).isFalse();
    }

    @Test
    void deliversInOrderAndTimesOutForHeartbeats() throws Exception {
        Outbox<String> box = new Outbox<>(10);
        box.offer("a");
        box.offer("b");
        assertThat(box.next(Duration.ofMillis(10))).isEqualTo("a");
        assertThat(box.next(Duration.ofMillis(10))).isEqualTo("b");
        assertThat(box.next(Duration.ofMillis(10))).isNull();
        assertThat(box.closed()).isFalse();
        box.close();
        assertThat(box.closed()).isTrue();
        assertThat(box.overflowed()).isFalse();
    }
}

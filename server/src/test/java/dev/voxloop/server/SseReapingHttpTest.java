package dev.voxloop.server;

import static dev.voxloop.server.StreamReapingHttpTest.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.voxloop.core.event.PipelineEvent;
import dev.voxloop.core.event.Stage;
import dev.voxloop.server.stream.StreamSettings;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;

/**
 * SSE clients send nothing back, so a dead one is noticed by writing to it: a client that closed its connection
 * fails the next keep-alive line, and one that stopped reading stalls a write until the connection's stall limit
 * (two ping intervals) ends it. Either way its place is freed, while a reading client stays through many intervals.
 */
class SseReapingHttpTest {

    static final Duration PING = Duration.ofMillis(500);

    /** Opens {@code /api/events} over a raw socket from {@code from} and reads the response head only. */
    static Socket sseClient(TestServer s, String from, int receiveBuffer) throws Exception {
        return RawStreamClient.open(s, from, receiveBuffer, "GET /api/events HTTP/1.1",
                "Accept: text/event-stream\r\n", "HTTP/1.1 200");
    }

    static IntSupplier streamClients(TestServer s) {
        return () -> s.get("/health").json().get("stream_clients").asInt();
    }

    @Test
    void aClientThatClosedItsConnectionIsDroppedAtTheNextKeepAlive() throws Exception {
        try (TestServer s = TestServer.builder().settings(x -> x.withStreams(new StreamSettings(PING, 10, 5)))
                .start()) {
            Socket gone = sseClient(s, "127.0.0.2", 64 * 1024);
            try (SseProbe live = new SseProbe(s, "/api/events")) {
                waitFor(streamClients(s), 2, Duration.ofSeconds(5));
                gone.close();
                waitFor(streamClients(s), 1, Duration.ofSeconds(5));
                // the reading client stays through many ping intervals and still gets events
                Thread.sleep(PING.toMillis() * 6);
                assertThat(streamClients(s).getAsInt()).isEqualTo(1);
                s.events.publish(new PipelineEvent.StageChanged(Instant.now(), "s-1", Stage.EXTRACTING, "still here"));
                assertThat(live.next().data().path("message").asText()).isEqualTo("still here");
            }
        }
    }

    @Test
    void aClientThatStoppedReadingIsDroppedWhenAWriteStalls() throws Exception {
        try (TestServer s = TestServer.builder().settings(x -> x.withStreams(new StreamSettings(PING, 10, 5)))
                .start()) {
            Socket stuck = sseClient(s, "127.0.0.2", 4 * 1024);
            try (SseProbe live = new SseProbe(s, "/api/events")) {
                waitFor(streamClients(s), 2, Duration.ofSeconds(5));
                // more than both sockets' buffers hold: the server's write to the stuck client cannot finish
                String big = "x".repeat(32 * 1024);
                for (int i = 0; i < 400; i++) {
                    s.events.publish(new PipelineEvent.StageChanged(Instant.now(), "s-" + i, Stage.EXTRACTING, big));
                }
                waitFor(streamClients(s), 1, Duration.ofSeconds(10));
                assertThat(live.next().data().path("session_id").asText()).isEqualTo("s-0");
            } finally {
                stuck.close();
            }
        }
    }
}

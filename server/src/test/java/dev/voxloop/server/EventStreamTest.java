package dev.voxloop.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.voxloop.core.event.PipelineEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The typed stream: every PipelineEvent with its seq, resumable, replayed events marked. */
class EventStreamTest {

    TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void resumesAfterASeqMarkingReplayedEventsThenFollowsLive() throws Exception {
        server.postJson("/api/pipeline/run", "{\"text\": \"" + PipelineHttpTest.CLEAR + "\"}");
        long last = server.log.lastSeq();
        assertThat(last).isGreaterThanOrEqualTo(3);

        try (SseProbe sse = new SseProbe(server, "/api/events?after=1")) {
            assertThat(sse.response.statusCode()).isEqualTo(200);
            assertThat(sse.response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
            for (long seq = 2; seq <= last; seq++) {
                SseProbe.Event e = sse.next();
                assertThat(e.id()).isEqualTo(seq);
                assertThat(e.data().get("seq").asLong()).isEqualTo(seq);
                assertThat(e.data().get("replay").asBoolean()).isTrue();
                assertThat(e.data().get("type").isTextual()).isTrue();
                assertThat(e.data().get("at").asText()).endsWith("Z");
            }
            server.queue.enqueue("BOOK-5", "Live one");
            server.postJson("/api/loop/started", "{\"key\": \"BOOK-5\", \"worker\": \"w1\"}");
            SseProbe.Event live = sse.next();
            assertThat(live.id()).isEqualTo(last + 1);
            assertThat(live.data().has("replay")).isFalse();
            assertThat(live.data().get("type").asText()).isEqualTo("loop_started");
            assertThat(live.data().get("ticket_key").asText()).isEqualTo("BOOK-5");
            assertThat(live.data().get("worker").asText()).isEqualTo("w1");
            assertThat(sse.poll(Duration.ofMillis(300))).as("no duplicates").isNull();
        }
    }

    @Test
    void lastEventIdHeaderResumesToo() {
        server.postJson("/api/pipeline/run", "{\"text\": \"" + PipelineHttpTest.CLEAR + "\"}");
        long last = server.log.lastSeq();
        try (SseProbe sse = new SseProbe(server, "/api/events", "Last-Event-ID", String.valueOf(last - 1))) {
            SseProbe.Event e = sse.next();
            assertThat(e.id()).isEqualTo(last);
            assertThat(e.data().get("replay").asBoolean()).isTrue();
        }
    }

    @Test
    void withoutAfterOnlyLiveEventsArrive() throws Exception {
        server.postJson("/api/pipeline/run", "{\"text\": \"" + PipelineHttpTest.CLEAR + "\"}");
        try (SseProbe sse = new SseProbe(server, "/api/events")) {
            assertThat(sse.poll(Duration.ofMillis(300))).isNull();
            server.postJson("/api/pipeline/run", "{\"text\": \"Fix the thing\"}");
            JsonNode e = sse.next().data();
            assertThat(e.get("type").asText()).isEqualTo("stage_changed");
            assertThat(e.get("stage").asText()).isEqualTo("extracting");
            assertThat(e.has("session_id")).isTrue();
        }
    }

    @Test
    void badAfterIs400() {
        var r = server.get("/api/events?after=abc");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("field").asText()).isEqualTo("after");
    }

    @Test
    void typedStreamOverWebSocket() {
        server.postJson("/api/pipeline/run", "{\"text\": \"" + PipelineHttpTest.CLEAR + "\"}");
        try (WsProbe ws = WsProbe.connect(server, "/api/events/ws?after=0")) {
            JsonNode first = ws.next();
            assertThat(first.get("seq").asLong()).isEqualTo(1);
            assertThat(first.get("replay").asBoolean()).isTrue();
        }
    }

    @Test
    void everyEventExactlyOnceWhileManyThreadsPublishDuringTheReplay() throws Exception {
        int threads = 6;
        int each = 100; // 600 live events: within one client's outbox (1024), so none may be dropped
        for (int i = 0; i < 100; i++) {
            server.events.publish(new PipelineEvent.TicketQueued(Instant.now(), "PRE-" + i, "before"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (SseProbe sse = new SseProbe(server, "/api/events?after=0")) {
            for (int t = 0; t < threads; t++) {
                int thread = t;
                pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        server.events.publish(new PipelineEvent.TicketQueued(Instant.now(), "T" + thread + "-" + i,
                                "live"));
                    }
                });
            }
            int total = 100 + threads * each;
            Set<Long> seen = new HashSet<>();
            for (int i = 0; i < total; i++) {
                SseProbe.Event e = sse.next();
                assertThat(seen.add(e.id())).as("seq %d sent twice", e.id()).isTrue();
            }
            assertThat(seen).hasSize(total);
            assertThat(seen.stream().mapToLong(Long::longValue).max().orElseThrow()).isEqualTo(total);
            assertThat(sse.poll(Duration.ofMillis(300))).isNull();
        } finally {
            pool.shutdownNow();
        }
    }
}

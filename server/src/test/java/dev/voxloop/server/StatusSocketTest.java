package dev.voxloop.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** WS /ws/status: the original's monitor snapshot and typed messages, without the stale-snapshot defect. */
class StatusSocketTest extends FreshServerTest {

    @Test
    void snapshotOnConnectThenEveryStageAndTypedMessages() {
        try (WsProbe ws = WsProbe.connect(server, "/ws/status")) {
            JsonNode first = ws.next();
            assertThat(first.get("snapshot").asBoolean()).isTrue();
            assertThat(first.get("current_node").isNull()).isTrue();
            assertThat(first.get("nodes").size()).isEqualTo(8);
            for (String n : new String[] {"recording", "transcribing", "extracting", "clarifying", "previewing",
                    "creating", "done", "error"}) {
                JsonNode node = first.get("nodes").get(n);
                assertThat(node.get("active").isBoolean()).as(n).isTrue();
                assertThat(node.has("last_active")).isTrue();
                assertThat(node.has("message")).isTrue();
            }
            assertThat(first.get("event_log").isArray()).isTrue();
            assertThat(first.get("task_info").get("title").asText()).isEqualTo("Waiting for task...");
            assertThat(first.get("task_info").get("status").asText()).isEqualTo("idle");
            assertThat(first.has("status")).as("no top-level status: old clients map it").isFalse();

            String id = server.postJson("/api/pipeline/run", "{\"text\": \"" + PipelineHttpTest.CLEAR + "\"}")
                    .json().get("session_id").asText();
            JsonNode extracting = ws.await(WsProbe.node("extracting"));
            assertThat(extracting.get("snapshot").asBoolean()).isFalse();
            assertThat(extracting.get("nodes").get("extracting").get("active").asBoolean()).isTrue();
            assertThat(extracting.get("nodes").get("extracting").get("message").asText()).contains("Extracting");
            ws.await(WsProbe.node("previewing"));
            JsonNode preview = ws.await(WsProbe.type("preview_needed"));
            assertThat(preview.get("session_id").asText()).isEqualTo(id);
            assertThat(preview.get("intent").get("issue_type").asText()).isEqualTo("Bug");
            assertThat(preview.has("transcribed_text")).isTrue();

            server.postJson("/api/pipeline/approve", "{\"session_id\": \"" + id + "\"}");
            ws.await(WsProbe.node("creating"));
            JsonNode done = ws.await(WsProbe.node("done"));
            assertThat(done.get("nodes").get("done").get("message").asText()).startsWith("Ticket created: BOOK-1");
            assertThat(done.get("task_info").get("status").asText()).isEqualTo("completed");
            JsonNode queued = ws.await(WsProbe.type("ticket_queued"));
            assertThat(queued.get("issue_key").asText()).isEqualTo("BOOK-1");
            assertThat(queued.get("summary").asText()).startsWith("the calendar crashes");

            server.postJson("/api/loop/started", "{\"key\": \"BOOK-1\"}");
            assertThat(ws.await(WsProbe.type("loop_started")).get("issue_key").asText()).isEqualTo("BOOK-1");
            server.postJson("/api/loop/completed", "{\"key\": \"BOOK-1\", \"success\": true}");
            JsonNode completed = ws.await(WsProbe.type("loop_completed"));
            assertThat(completed.get("issue_key").asText()).isEqualTo("BOOK-1");
            assertThat(completed.get("success").isBoolean()).isTrue();
            assertThat(completed.get("success").asBoolean()).isTrue();
        }

        // Reconnecting after the run ended: the snapshot does not present the old "done" as live.
        try (WsProbe again = WsProbe.connect(server, "/ws/status")) {
            JsonNode snap = again.next();
            assertThat(snap.get("snapshot").asBoolean()).isTrue();
            assertThat(snap.get("current_node").isNull()).isTrue();
            assertThat(snap.get("last_node").asText()).isEqualTo("done");
            assertThat(snap.get("run_active").asBoolean()).isFalse();
            assertThat(snap.get("seq").asLong()).isEqualTo(server.log.lastSeq());
            snap.get("nodes").forEach(n -> assertThat(n.get("active").asBoolean()).isFalse());
            assertThat(snap.get("event_log").size()).isGreaterThanOrEqualTo(4);
            assertThat(snap.get("event_log").get(0).get("timestamp").asText()).endsWith("Z");
        }
    }

    @Test
    void clarificationIsATypedMessageAndAWaitingRunIsLiveOnConnect() {
        try (WsProbe ws = WsProbe.connect(server, "/ws/status")) {
            ws.next();
            String id = server.postJson("/api/pipeline/run", "{\"text\": \"Fix the thing\"}").json()
                    .get("session_id").asText();
            JsonNode q = ws.await(WsProbe.type("clarification_needed"));
            assertThat(q.get("session_id").asText()).isEqualTo(id);
            assertThat(q.get("questions")).hasSize(1);
            assertThat(q.get("round").asInt()).isEqualTo(1);
            assertThat(q.has("ambiguity_score")).isTrue();
            assertThat(q.has("partial_summary")).isTrue();
            assertThat(q.get("field").asText()).isEqualTo("project");
        }
        try (WsProbe late = WsProbe.connect(server, "/ws/status")) {
            JsonNode snap = late.next();
            assertThat(snap.get("current_node").asText()).as("still waiting for the person").isEqualTo("clarifying");
            assertThat(snap.get("run_active").asBoolean()).isTrue();
        }
    }

    @Test
    void healthCountsConnections() {
        try (WsProbe ws = WsProbe.connect(server, "/ws/status")) {
            ws.next();
            assertThat(server.get("/health").json().get("ws_connections").asInt()).isEqualTo(1);
        }
    }

    @Test
    void aClientThatStopsReadingIsDroppedNotBufferedForever() throws Exception {
        try (WsProbe stuck = WsProbe.stalled(server, "/ws/status")) {
            // the client sees the handshake done a moment before the server has registered the connection
            long registered = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
            while (server.get("/health").json().get("ws_connections").asInt() == 0
                    && System.nanoTime() < registered) {
                Thread.sleep(20);
            }
            assertThat(server.get("/health").json().get("ws_connections").asInt()).isEqualTo(1);
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
            int published = 0;
            while (server.get("/health").json().get("ws_connections").asInt() > 0) {
                assertThat(System.nanoTime()).as("still connected after %d events", published).isLessThan(deadline);
                for (int i = 0; i < 200; i++, published++) {
                    server.events.publish(new dev.voxloop.core.event.PipelineEvent.StageChanged(
                            java.time.Instant.now(), "s" + (published % 7),
                            dev.voxloop.core.event.Stage.EXTRACTING, "step " + published));
                }
            }
        }
    }
}

package dev.voxloop.server;

import static dev.voxloop.server.StreamReapingHttpTest.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.voxloop.core.event.PipelineEvent;
import dev.voxloop.core.loop.FailureKind;
import dev.voxloop.core.loop.LoopState;
import dev.voxloop.core.testing.Scrape;
import dev.voxloop.server.stream.StreamSettings;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * {@code /metrics} over real HTTP: Prometheus' text format whose values move with real requests (intakes by outcome,
 * stage timings, HTTP histograms by route template, stream clients, loop runs and cost from the loop's events),
 * with no ids or ticket keys as labels, behind the token when one is set and behind the Host check when not.
 */
class MetricsHttpTest {

    static Scrape scrape(TestServer s, String... headers) {
        TestServer.Response r = s.get("/metrics", headers);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("text/plain; version=0.0.4");
        return Scrape.of(r.body());
    }

    @Test
    void intakesStagesAndRequestsAreCountedByOutcomeAndRouteTemplate() {
        try (TestServer s = TestServer.start()) {
            Scrape before = scrape(s);
            String body = "{\"text\": \"" + PipelineHttpTest.CLEAR + "\"}";
            String filed = s.postJson("/api/pipeline/run", body).json().path("session_id").asText();
            TestServer.Response approved = s.postJson("/api/pipeline/approve", "{\"session_id\": \"" + filed + "\"}");
            assertThat(approved.status()).as(approved.body()).isEqualTo(200);
            String key = approved.json().path("ticket_key").asText();
            String dropped = s.postJson("/api/pipeline/run", body).json().path("session_id").asText();
            assertThat(s.postJson("/api/pipeline/discard", "{\"session_id\": \"" + dropped + "\"}").status())
                    .isEqualTo(200);
            assertThat(s.get("/api/pipeline/sessions/" + filed).status()).isEqualTo(200);
            assertThat(s.get("/api/tickets/" + key).status()).isEqualTo(200);
            assertThat(s.get("/api/tickets/NOPE-424242").status()).isEqualTo(404);
            assertThat(s.get("/no/such/thing-737373").status()).isEqualTo(404);

            Scrape after = scrape(s);
            assertThat(after.sum("voxloop_intakes_total", "outcome=\"created\"")
                    - before.sum("voxloop_intakes_total", "outcome=\"created\"")).isEqualTo(1);
            assertThat(after.sum("voxloop_intakes_total", "outcome=\"discarded\"")
                    - before.sum("voxloop_intakes_total", "outcome=\"discarded\"")).isEqualTo(1);
            assertThat(after.sum("voxloop_intake_stage_seconds_count", "stage=\"extract\"")).isEqualTo(2);
            assertThat(after.sum("voxloop_intake_stage_seconds_count", "stage=\"file\"")).isEqualTo(1);
            assertThat(after.sum("voxloop_intake_stage_seconds_count", "stage=\"transcribe\"")).isZero();

            assertThat(after.sum("http_server_requests_seconds_count", "method=\"POST\"",
                    "route=\"/api/pipeline/run\"", "status=\"200\"")).isEqualTo(2);
            assertThat(after.sum("http_server_requests_seconds_count", "route=\"/api/pipeline/sessions/{id}\"",
                    "status=\"200\"")).isEqualTo(1);
            assertThat(after.sum("http_server_requests_seconds_count", "route=\"/api/tickets/{key}\"",
                    "status=\"200\"")).isEqualTo(1);
            assertThat(after.sum("http_server_requests_seconds_count", "route=\"/api/tickets/{key}\"",
                    "status=\"404\"")).isEqualTo(1);
            assertThat(after.sum("http_server_requests_seconds_count", "route=\"unmatched\"", "status=\"404\""))
                    .isEqualTo(1);
            // a histogram: buckets to compute percentiles from, and the sum grew with real time spent
            assertThat(after.has("http_server_requests_seconds_bucket")).isTrue();
            assertThat(after.sum("http_server_requests_seconds_sum", "route=\"/api/pipeline/run\"")).isPositive();
            // no ids or keys as labels
            assertThat(after.text()).doesNotContain(filed).doesNotContain(dropped).doesNotContain(key)
                    .doesNotContain("NOPE-424242").doesNotContain("thing-737373");
        }
    }

    @Test
    void streamClientsAreCountedByStreamAndTransport() throws Exception {
        // an SSE client that left is noticed at the next keep-alive: ping often so the test need not wait 15 s
        try (TestServer s = TestServer.builder().settings(x -> x.withStreams(new StreamSettings(Duration.ofMillis(300),
                200, 32))).start()) {
            try (SseProbe sse = new SseProbe(s, "/api/events");
                 WsProbe events = WsProbe.connect(s, "/api/events/ws");
                 WsProbe status = WsProbe.connect(s, "/ws/status")) {
                waitFor(() -> (int) scrape(s).sum("voxloop_stream_clients"), 3, Duration.ofSeconds(5));
                Scrape open = scrape(s);
                assertThat(open.sum("voxloop_stream_clients", "stream=\"events\"", "transport=\"sse\"")).isEqualTo(1);
                assertThat(open.sum("voxloop_stream_clients", "stream=\"events\"", "transport=\"websocket\""))
                        .isEqualTo(1);
                assertThat(open.sum("voxloop_stream_clients", "stream=\"status\"", "transport=\"websocket\""))
                        .isEqualTo(1);
            }
            waitFor(() -> (int) scrape(s).sum("voxloop_stream_clients"), 0, Duration.ofSeconds(10));
        }
    }

    @Test
    void loopRunsStagesAndCostAreCountedFromTheLoopsEvents() {
        try (TestServer s = TestServer.start()) {
            Instant t = Instant.parse("2026-12-06T04:00:00Z");
            s.events.publish(new PipelineEvent.LoopStageChanged(t, "run1", "BOOK-1", LoopState.CLAIMED, "claimed"));
            s.events.publish(new PipelineEvent.LoopStageChanged(t.plusSeconds(2), "run1", "BOOK-1",
                    LoopState.ITERATING, "turn 1"));
            assertThat(scrape(s).sum("voxloop_runs_active", "state=\"iterating\"")).isEqualTo(1);
            s.events.publish(new PipelineEvent.IterationFinished(t.plusSeconds(30), "run1", "BOOK-1", 1, "wrote it",
                    1200, 300));
            s.events.publish(new PipelineEvent.CostUpdated(t.plusSeconds(30), "run1", "BOOK-1", 0.25, 1500));
            s.events.publish(new PipelineEvent.CostUpdated(t.plusSeconds(40), "run1", "BOOK-1", 0.40, 2000));
            s.events.publish(new PipelineEvent.RunFinished(t.plusSeconds(42), "run1", "BOOK-1", LoopState.BLOCKED,
                    FailureKind.BUDGET_EXCEEDED, "over budget"));

            Scrape after = scrape(s);
            assertThat(after.sum("voxloop_runs_total", "state=\"blocked\"", "failure=\"budget_exceeded\""))
                    .isEqualTo(1);
            assertThat(after.sum("voxloop_runs_active")).isZero();
            assertThat(after.sum("voxloop_loop_stage_seconds_count", "stage=\"claimed\"")).isEqualTo(1);
            assertThat(after.sum("voxloop_loop_stage_seconds_sum", "stage=\"claimed\"")).isEqualTo(2.0);
            assertThat(after.sum("voxloop_loop_stage_seconds_sum", "stage=\"iterating\"")).isEqualTo(40.0);
            assertThat(after.sum("voxloop_agent_cost_usd_total")).isCloseTo(0.40, org.assertj.core.data.Offset
                    .offset(1e-9));
            assertThat(after.sum("voxloop_agent_tokens_total", "direction=\"input\"")).isEqualTo(1200);
            assertThat(after.sum("voxloop_agent_tokens_total", "direction=\"output\"")).isEqualTo(300);
            assertThat(after.text()).doesNotContain("run1").doesNotContain("BOOK-1");
        }
    }

    @Test
    void withATokenMetricsNeedItAsAHeader() {
        try (TestServer s = TestServer.builder().settings(x -> x.withApiToken("scrape-secret")).start()) {
            assertThat(s.get("/metrics").status()).isEqualTo(401);
            assertThat(s.get("/metrics?token=scrape-secret").status()).isEqualTo(401);
            assertThat(scrape(s, "Authorization", "Bearer scrape-secret").has("http_server_requests_seconds_count"))
                    .isTrue();
            assertThat(scrape(s, "X-API-Token", "scrape-secret").has("voxloop_stream_clients")).isTrue();
        }
    }

    @Test
    void withoutATokenAForeignHostIsRefused() throws Exception {
        try (TestServer s = TestServer.start()) {
            assertThat(HostAndHeadersHttpTest.raw(s, HostAndHeadersHttpTest.get("/metrics", "evil.example", null)))
                    .startsWith("HTTP/1.1 403");
            assertThat(HostAndHeadersHttpTest.raw(s, HostAndHeadersHttpTest.get("/metrics", "127.0.0.1:"
                    + s.server.port(), null))).startsWith("HTTP/1.1 200");
        }
    }
}

package dev.voxloop.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voxloop.core.testing.Scrape;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /metrics} of the composed application (H2 file database, built-in tracker, embedded extractor): the
 * meters only the composition root sees (JVM, database pool, the loop queue's backlog, engine readiness) are there
 * with live values, and a filed request moves the intake counter and the queue gauges.
 */
class MetricsOnH2Test {

    @TempDir
    Path data;

    static Scrape scrape(TestServer s) {
        Http.Response r = s.http.get("/metrics");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return Scrape.of(r.body());
    }

    @Test
    void jvmPoolQueueAndEnginesAreMeteredAndMoveWithARealIntake() throws Exception {
        try (TestServer s = new TestServer(data, TestServer.config(Map.of("speech.engine", "none",
                "pipeline.require_approval", "false")))) {
            Scrape before = scrape(s);
            assertThat(before.sum("jvm_threads_live_threads")).isPositive();
            assertThat(before.sum("jvm_memory_used_bytes", "area=\"heap\"")).isPositive();
            assertThat(before.has("jvm_gc_memory_allocated_bytes_total")).isTrue();
            assertThat(before.has("process_cpu_usage")).isTrue();
            assertThat(before.sum("hikaricp_connections_max")).isEqualTo(32);
            assertThat(before.sum("voxloop_queue_pending")).isZero();
            assertThat(before.sum("voxloop_queue_oldest_age_seconds")).isZero();
            assertThat(before.has("voxloop_engine_ready{engine=\"speech\"}")).isFalse();

            Http.Response filed = s.http.postJson("/api/pipeline/run", Map.of("text",
                    "Create a high priority bug in BookIt: the calendar crashes on Safari"));
            assertThat(filed.status()).as(filed.body()).isEqualTo(200);
            assertThat(filed.json().path("ticket_key").asText()).isNotBlank();
            Thread.sleep(Duration.ofMillis(1100)); // past the backlog's one-second cache, so the queue is read again

            Scrape after = scrape(s);
            assertThat(after.sum("voxloop_intakes_total", "outcome=\"created\"")
                    - before.sum("voxloop_intakes_total", "outcome=\"created\"")).isEqualTo(1);
            assertThat(after.sum("voxloop_queue_pending")).isEqualTo(1);
            assertThat(after.sum("voxloop_queue_oldest_age_seconds")).isGreaterThan(0).isLessThan(60);
            assertThat(after.sum("hikaricp_connections_acquire_seconds_count"))
                    .isGreaterThan(before.sum("hikaricp_connections_acquire_seconds_count"));
            assertThat(after.sum("http_server_requests_seconds_count", "route=\"/metrics\"", "status=\"200\""))
                    .isGreaterThanOrEqualTo(1);

            // the embedded extractor's model loads in the background after start-up: its gauge turns 1
            long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (scrape(s).sum("voxloop_engine_ready", "engine=\"intent\"") < 1 && System.nanoTime() < until) {
                Thread.sleep(200);
            }
            assertThat(scrape(s).sum("voxloop_engine_ready", "engine=\"intent\"")).isEqualTo(1);
        }
    }
}

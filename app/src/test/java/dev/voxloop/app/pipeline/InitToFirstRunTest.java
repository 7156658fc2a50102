package dev.voxloop.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.voxloop.app.init.Samples;
import dev.voxloop.core.testing.Scrape;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first hour, compressed: {@code voxloop init --yes --repo PATH --project KEY} on a fresh Maven repository, then
 * {@code voxloop serve} with nothing else configured, and a typed request for that project is claimed by the
 * server's own worker within seconds, its progress on the board. (Whether the run then gets far depends on the
 * agents installed; without one it stops as "agent unavailable", parked without using an attempt.)
 */
@Tag("slow")
class InitToFirstRunTest {

    @TempDir
    Path dir;

    @Test
    void aRequestIsClaimedWithinSecondsAfterInitAndServe() throws Exception {
        Path repo = Samples.repository("maven", dir.resolve("shop"));
        Path config = dir.resolve("voxloop.yaml");
        Path data = dir.resolve("data");
        long t0 = System.nanoTime();
        CliProcess.Result init = CliProcess.run(dir, Duration.ofMinutes(5), "init", "--yes", "--no-run", "--repo",
                repo.toString(), "--project", "SHOP", "--config", config.toString(), "--data", data.toString());
        assertThat(init.exit()).as(init.output()).isZero();

        try (ServerProcess server = ServerProcess.start(data, Map.of(), "--config", config.toString())) {
            Http http = new Http(server.url());
            Http.Response filed = http.postJson("/api/pipeline/run", Map.of("text",
                    "Add a clear button to the cart that removes every item"));
            assertThat(filed.status()).as(filed.body()).isEqualTo(200);
            String session = filed.json().path("session_id").asText();
            Http.Response approved = http.postJson("/api/pipeline/approve", Map.of("session_id", session));
            assertThat(approved.json().path("ticket_key").asText()).as(approved.body()).isEqualTo("SHOP-1");
            long filedAt = System.nanoTime();

            JsonNode run = null;
            while (run == null && System.nanoTime() - filedAt < Duration.ofSeconds(60).toNanos()) {
                for (JsonNode r : http.get("/api/loop/runs").json().path("runs")) {
                    if ("SHOP-1".equals(r.path("ticket_key").asText())) {
                        run = r;
                    }
                }
                Thread.sleep(200);
            }
            double claimedAfter = (System.nanoTime() - filedAt) / 1e9;
            System.out.printf("init to first run claimed: %.1f s (claimed %.1f s after filing)%n",
                    (System.nanoTime() - t0) / 1e9, claimedAfter);
            assertThat(run).as("a run of SHOP-1 on the board").isNotNull();
            assertThat(claimedAfter).isLessThan(15);
            JsonNode status = http.get("/api/loop/status").json();
            assertThat(status.path("projects").toString()).contains("SHOP").contains(repo.toString());
            assertThat(status.path("workers").size()).isEqualTo(1);

            // the run's moves are on /metrics, counted from its events, without ticket keys or run ids as labels
            Scrape metrics = Scrape.of(http.get("/metrics").body());
            long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (metrics.sum("voxloop_loop_stage_seconds_count") < 1 && System.nanoTime() < until) {
                Thread.sleep(500);
                metrics = Scrape.of(http.get("/metrics").body());
            }
            assertThat(metrics.sum("voxloop_loop_stage_seconds_count")).as(metrics.text()).isGreaterThanOrEqualTo(1);
            assertThat(metrics.sum("voxloop_intakes_total", "outcome=\"created\"")).isEqualTo(1);
            assertThat(metrics.text()).doesNotContain("SHOP-1").doesNotContain(run.path("run_id").asText());
        }
    }
}

package dev.voxloop.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.voxloop.core.loop.ControlSignal;
import dev.voxloop.core.loop.LoopRun;
import dev.voxloop.core.loop.LoopState;
import dev.voxloop.core.loop.LoopTurn;
import dev.voxloop.core.loop.RunWorkspace;
import dev.voxloop.core.loop.TicketRef;
import dev.voxloop.core.loop.Usage;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The loop's runs through the API: what the console's loop board reads, and the controls it sends. */
class LoopRunsApiTest {

    @TempDir
    Path data;

    @Test
    void runsAreListedWithGatesAndLogAndControlsReachTheRun() {
        try (TestServer s = new TestServer(data, TestServer.config(Map.of("speech.engine", "none")))) {
            Instant now = Instant.now();
            LoopRun run = LoopRun.start("run00001", new TicketRef("TRACK-1", "TRACK"), "worker-1", "replay", now)
                    .preparedIn(new RunWorkspace(null, "feature/TRACK-1-vat", "main", null, null))
                    .moveTo(LoopState.ITERATING, now).afterTurn(null, new Usage(600, 150, 0.21), now)
                    .afterTurn(null, new Usage(600, 150, 0.21), now);
            s.app.runs().save(run);
            s.app.runs().addTurn(new LoopTurn("run00001", 1, now, 1000, 2000, 120, "wrote a failing test", "a", "b",
                    "", "tests FAILED; lint ok", false, 1200, 300, 0.42));

            JsonNode list = s.http.get("/api/loop/runs").json().path("runs");
            assertThat(list).hasSize(1);
            JsonNode r = list.get(0);
            assertThat(r.path("ticket_key").asText()).isEqualTo("TRACK-1");
            assertThat(r.path("state").asText()).isEqualTo("ITERATING");
            assertThat(r.path("iterations").asInt()).isEqualTo(2);
            assertThat(r.path("cost_usd").asDouble()).isEqualTo(0.42);
            assertThat(r.path("gates").toString()).contains("{\"gate\":\"tests\",\"passed\":false}");
            assertThat(r.path("log_tail").get(0).asText()).contains("wrote a failing test");

            Http.Response sent = s.http.postJson("/api/loop/runs/run00001/instruct", Map.of("message", "use BigDecimal? no: öre"));
            assertThat(sent.status()).as(sent.body()).isEqualTo(202);
            assertThat(s.http.post("/api/loop/runs/run00001/instruct", "{}").status()).isEqualTo(400);
            assertThat(s.http.post("/api/loop/runs/run00001/abort", "").status()).isEqualTo(202);
            assertThat(s.http.post("/api/loop/runs/nope/abort", "").status()).isEqualTo(404);
            assertThat(s.app.runs().takeSignals("run00001")).extracting(ControlSignal::kind)
                    .containsExactly(ControlSignal.Kind.INSTRUCT, ControlSignal.Kind.ABORT);
            assertThat(s.http.get("/api/loop/runs/run00001").json().path("turns")).hasSize(1);
        }
    }
}

package dev.voxloop.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real speech the offline engine cannot follow, through the real server: the person sees the words before
 * anything is extracted. Slow suite (its own engine load and 11 s of out-of-domain speech); the same flow with
 * scripted confidences runs in the main suite (PipelineHttpTest, TranscriptCheckTest).
 */
@Tag("slow")
class UnsureSpeechPipelineTest {

    @Test
    void speechTheEngineIsUnsureOfIsShownToThePersonBeforeAnythingIsExtracted(@TempDir Path other)
            throws Exception {
        // JFK's "ask not what your country can do for you" is no ticket request; even with approval off it must
        // not become a confident ticket: the person sees the words and corrects them first
        // 11 s of out-of-domain speech: generous time limit, the machine running the suite may be busy
        try (TestServer noApproval = new TestServer(other, TestServer.config(Map.of("pipeline.require_approval",
                "false", "speech.timeout", "300s")))) {
            HttpResponse<String> r = AudioPipelineTest.upload(noApproval, "/api/pipeline/run/audio", AudioPipelineTest.shared("jfk.wav"), "jfk.wav");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            JsonNode check = Http.JSON.readTree(r.body());
            assertThat(check.path("status").asText()).as(r.body()).isEqualTo("transcript_confirmation_needed");
            double heard = check.path("transcript").path("confidence").asDouble();
            assertThat(heard).isBetween(0.0, 0.6);
            assertThat(check.path("transcript").path("text").asText()).isNotBlank()
                    .isEqualTo(check.path("transcribed_text").asText());
            String id = check.path("session_id").asText();
            JsonNode waiting = noApproval.http.get("/api/pipeline/sessions/" + id).json();
            assertThat(waiting.path("state").asText()).isEqualTo("confirming");
            assertThat(waiting.path("intent").isNull()).as("nothing extracted yet").isTrue();
            assertThat(noApproval.app.tracker().projects().stream()
                    .flatMap(p -> noApproval.app.tracker().find(p.key() + "-1").stream())).isEmpty();

            JsonNode filed = noApproval.http.postJson("/api/pipeline/confirm", Map.of("session_id", id, "text",
                    "Bug in BookIt: the calendar crashes on Safari. It should open the calendar")).json();
            assertThat(filed.path("ticket_key").asText()).as(filed.toString()).startsWith("BOOK-");
            JsonNode done = noApproval.http.get("/api/pipeline/sessions/" + id).json();
            assertThat(done.path("transcript").path("confirmation").asText()).isEqualTo("corrected");
            assertThat(done.path("transcript").path("confidence").asDouble()).isEqualTo(heard);
        }
    }
}

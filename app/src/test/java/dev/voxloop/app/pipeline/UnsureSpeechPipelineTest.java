package dev.voxloop.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.voxloop.speech.audio.SpeechAudio;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real audio through the real server and the built-in engine: speech that is no ticket request is heard and
 * questioned, never filed; sound the engine is unsure of is shown to the person before anything is extracted.
 * Slow suite (its own engine load); the same flows with scripted confidences run in the main suite
 * (PipelineHttpTest, TranscriptCheckTest).
 */
@Tag("slow")
class UnsureSpeechPipelineTest {

    @Test
    void speechThatIsNoTicketRequestIsHeardAndQuestionedNotFiled(@TempDir Path other) throws Exception {
        // JFK's "ask not what your country can do for you" is no ticket request; even with approval off it must
        // not become a ticket (the engine before Moonshine made a confident SHOP ticket of its misheard words)
        try (TestServer noApproval = new TestServer(other, TestServer.config(Map.of("pipeline.require_approval",
                "false", "speech.timeout", "300s")))) {
            HttpResponse<String> r = AudioPipelineTest.upload(noApproval, "/api/pipeline/run/audio",
                    AudioPipelineTest.shared("jfk.wav"), "jfk.wav");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            JsonNode asked = Http.JSON.readTree(r.body());
            assertThat(asked.path("status").asText()).as(r.body())
                    .isIn("clarification_needed", "transcript_confirmation_needed");
            assertThat(asked.path("ticket_key").isMissingNode()).as(r.body()).isTrue();
            assertThat(noApproval.app.tracker().projects().stream()
                    .flatMap(p -> noApproval.app.tracker().find(p.key() + "-1").stream())).isEmpty();
        }
    }

    @Test
    void soundTheEngineIsUnsureOfIsShownToThePersonBeforeAnythingIsExtracted(@TempDir Path other)
            throws Exception {
        Random random = new Random(11);
        float[] noise = new float[SpeechAudio.RATE * 3];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (float) (random.nextGaussian() * 0.2);
        }
        byte[] wav = new SpeechAudio(noise, 3).wav();
        try (TestServer noApproval = new TestServer(other, TestServer.config(Map.of("pipeline.require_approval",
                "false", "speech.timeout", "300s")))) {
            HttpResponse<String> r = AudioPipelineTest.upload(noApproval, "/api/pipeline/run/audio", wav,
                    "noise.wav");
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

package dev.voxloop.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voxloop.core.testing.Concurrently;
import dev.voxloop.core.testing.TextAsSpeech;
import dev.voxloop.intake.IntakeSettings;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One answer fills one clarification round however often it is sent, and a retried run with the same
 * Idempotency-Key gets the first attempt's session instead of filing a second ticket.
 */
class RacesAndRetriesHttpTest {

    static String clarify(String id, String text, Integer round) {
        return "{\"session_id\": \"" + id + "\", \"text\": \"" + text + "\"" + (round == null ? "" : ", \"round\": "
                + round) + "}";
    }

    @Test
    void twentyParallelIdenticalAnswersAreTakenOnce() throws Exception {
        try (TestServer s = TestServer.start()) {
            String id = s.postJson("/api/pipeline/run", "{\"text\": \"Fix the thing\"}").json().get("session_id")
                    .asText();
            List<Integer> statuses = Concurrently.run(20, i -> s.postJson("/api/pipeline/clarify",
                    clarify(id, "not sure", 1)).status());
            assertThat(statuses.stream().filter(st -> st == 200).count()).isEqualTo(1);
            assertThat(statuses).allMatch(st -> st == 200 || st == 409);
            var state = s.get("/api/pipeline/sessions/" + id).json();
            assertThat(state.get("answers")).hasSize(1);
            assertThat(state.get("round").asInt()).isEqualTo(2);

            // a stale round is a conflict; an answer without a round (the original clients) answers the open one
            var stale = s.postJson("/api/pipeline/clarify", clarify(id, "StoreIt", 1));
            assertThat(stale.status()).isEqualTo(409);
            assertThat(stale.json().get("detail").asText()).contains("round 2");
            assertThat(s.postJson("/api/pipeline/clarify", clarify(id, "no idea", null)).status()).isEqualTo(200);
            assertThat(s.postJson("/api/pipeline/clarify", clarify(id, "no idea", 3)).status()).isEqualTo(200);
            assertThat(s.get("/api/pipeline/sessions/" + id).json().get("answers")).hasSize(3);
        }
    }

    @Test
    void aRetriedRunWithTheSameKeyFilesOnce() throws Exception {
        IntakeSettings direct = new IntakeSettings(false, 3, Duration.ofMinutes(30), Duration.ofHours(24), 0.6, true,
                null);
        try (TestServer s = TestServer.builder().intake(direct).start()) {
            String body = "{\"text\": \"" + PipelineHttpTest.CLEAR + "\"}";
            List<TestServer.Response> answers = Concurrently.run(5, i -> s.postJson("/api/pipeline/run", body,
                    "Idempotency-Key", "run-1"));
            var ok = answers.stream().filter(r -> r.status() == 200).toList();
            assertThat(ok).isNotEmpty();
            assertThat(answers).allMatch(r -> r.status() == 200 || r.status() == 409);
            String key = ok.getFirst().json().get("ticket_key").asText();
            var again = s.postJson("/api/pipeline/run", body, "Idempotency-Key", "run-1");
            assertThat(again.status()).isEqualTo(200);
            assertThat(again.json().get("ticket_key").asText()).isEqualTo(key);
            assertThat(again.json().get("session_id").asText()).isEqualTo(ok.getFirst().json().get("session_id")
                    .asText());
            assertThat(s.tracker.list(null, 10)).hasSize(1);

            var otherBody = s.postJson("/api/pipeline/run", "{\"text\": \"Add dark mode to StoreIt\"}",
                    "Idempotency-Key", "run-1");
            assertThat(otherBody.status()).isEqualTo(422);
            assertThat(s.postJson("/api/pipeline/run", body, "Idempotency-Key", "run-2").json().get("ticket_key")
                    .asText()).isNotEqualTo(key);
            assertThat(s.postJson("/api/pipeline/run", body, "Idempotency-Key", "bad key").status()).isEqualTo(400);
            // a keyed run without its text is a 400 before the key is claimed (it was a 500), and frees nothing
            for (String missing : List.of("{\"text\": null}", "{}")) {
                var r = s.postJson("/api/pipeline/run", missing, "Idempotency-Key", "run-3");
                assertThat(r.status()).as(r.body()).isEqualTo(400);
                assertThat(r.json().get("field").asText()).isEqualTo("text");
            }
            assertThat(s.postJson("/api/pipeline/run", body, "Idempotency-Key", "run-3").status()).isEqualTo(200);
        }
    }

    @Test
    void aRetriedRecordingWithTheSameKeyFilesOnce() throws Exception {
        IntakeSettings direct = new IntakeSettings(false, 3, Duration.ofMinutes(30), Duration.ofHours(24), 0, true,
                null);
        try (TestServer s = TestServer.builder().intake(direct).speech(new TextAsSpeech()).start()) {
            byte[] recording = PipelineHttpTest.CLEAR.getBytes(StandardCharsets.UTF_8);
            List<TestServer.Response> answers = Concurrently.run(3, i -> s.postMultipart("/api/pipeline/run/audio",
                    "audio", "clip.wav", recording, "Idempotency-Key", "rec-1"));
            assertThat(answers).allMatch(r -> r.status() == 200 || r.status() == 409);
            var again = s.postMultipart("/api/pipeline/run/audio", "audio", "clip.wav", recording,
                    "Idempotency-Key", "rec-1");
            assertThat(again.status()).as(again.body()).isEqualTo(200);
            assertThat(s.tracker.list(null, 10)).hasSize(1);
            assertThat(again.json().get("ticket_key").asText()).isEqualTo(s.tracker.list(null, 10).getFirst().key());
            assertThat(s.postMultipart("/api/pipeline/run/audio", "audio", "clip.wav", "other words".getBytes(
                    StandardCharsets.UTF_8), "Idempotency-Key", "rec-1").status()).as("another recording")
                    .isEqualTo(422);
        }
    }

    @Test
    void aKeyWhoseFirstAttemptDiedBeforeMakingItsSessionIsTakenOverLater() {
        try (TestServer s = TestServer.start()) {
            String body = "{\"text\": \"" + PipelineHttpTest.CLEAR + "\"}";
            // what a first attempt leaves when the database went away between the claim and the session
            java.time.Instant now = java.time.Instant.now();
            String fp = sha256Hex(PipelineHttpTest.CLEAR);
            s.idempotencyKeys.claim("pipeline.run", "young", fp, "never-made-1", now, now);
            s.idempotencyKeys.claim("pipeline.run", "old", fp, "never-made-2", now.minus(Duration.ofMinutes(3)), now
                    .minus(Duration.ofMinutes(3)));
            var young = s.postJson("/api/pipeline/run", body, "Idempotency-Key", "young");
            assertThat(young.status()).as("it may still be running").isEqualTo(409);
            var later = s.postJson("/api/pipeline/run", body, "Idempotency-Key", "old");
            assertThat(later.status()).as(later.body()).isEqualTo(200);
            assertThat(s.sessions.recent(10)).hasSize(1);
            assertThat(s.postJson("/api/pipeline/run", body, "Idempotency-Key", "old").json().get("session_id").asText())
                    .isEqualTo(later.json().get("session_id").asText());
        }
    }

    static String sha256Hex(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aFailedFirstAttemptReleasesTheKey() {
        try (TestServer s = TestServer.start()) {
            assertThat(s.postJson("/api/pipeline/run", "{\"text\": \"\\u00a0\"}", "Idempotency-Key", "k").status())
                    .isEqualTo(400);
            assertThat(s.postJson("/api/pipeline/run", "{\"text\": \"" + PipelineHttpTest.CLEAR + "\"}",
                    "Idempotency-Key", "k").status()).isEqualTo(200);
        }
    }
}

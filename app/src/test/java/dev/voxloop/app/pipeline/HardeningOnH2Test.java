package dev.voxloop.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voxloop.core.config.ConfigTree;
import dev.voxloop.core.intake.IntakeSession;
import dev.voxloop.core.intake.IntakeState;
import dev.voxloop.core.intent.Extraction;
import dev.voxloop.core.ticket.TicketTracker;
import dev.voxloop.store.Database;
import dev.voxloop.store.StoreSettings;
import dev.voxloop.store.intake.JdbiIntakeRepository;
import java.time.Instant;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hardening promises on the real composition (H2 file database, built-in tracker): inputs the database would
 * choke on are refused first, an idempotency key and a webhook delivery are remembered across a restart.
 */
class HardeningOnH2Test {

    @TempDir
    Path data;

    TestServer start(Map<String, Object> dotted) {
        java.util.Map<String, Object> config = new java.util.HashMap<>(dotted);
        config.put("speech.engine", "none");
        return new TestServer(data, TestServer.config(config));
    }

    static Http.Response post(String base, String path, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type",
                "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        HttpResponse<String> r = HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Http.Response(r.statusCode(), r.body());
    }

    @Test
    void overLongInputsNeverReachTheDatabaseAndTheSessionStaysApprovable() {
        try (TestServer s = start(Map.of())) {
            String id = s.http.post("/api/pipeline/run", "{\"text\":\"Create a high priority bug in BookIt: the "
                    + "calendar crashes on Safari\"}").json().path("session_id").asText();
            Http.Response longParent = s.http.postJson("/api/pipeline/approve", Map.of("session_id", id,
                    "overrides", Map.of("parent", "BOOK-" + "1".repeat(60))));
            assertThat(longParent.status()).as(longParent.body()).isEqualTo(400);
            assertThat(longParent.json().path("field").asText()).isEqualTo("overrides.parent");
            assertThat(s.http.get("/api/pipeline/sessions/" + id).json().path("state").asText())
                    .isEqualTo("previewing");
            Http.Response ok = s.http.postJson("/api/pipeline/approve", Map.of("session_id", id));
            assertThat(ok.status()).as(ok.body()).isEqualTo(200);
            String key = ok.json().path("ticket_key").asText();

            Http.Response worker = s.http.postJson("/api/loop/started", Map.of("key", key, "worker", "w".repeat(300)));
            assertThat(worker.status()).as(worker.body()).isEqualTo(400);
            assertThat(worker.json().path("field").asText()).isEqualTo("worker");
        }
    }

    @Test
    void aSessionLeftInCreatingByAnEarlierVersionIsRecoveredAtStartup() throws Exception {
        String id;
        try (TestServer s = start(Map.of())) {
            id = s.http.post("/api/pipeline/run", "{\"text\":\"Create a high priority bug in BookIt: the "
                    + "calendar crashes on Safari\"}").json().path("session_id").asText();
        }
        // what the earlier version stored when an over-long parent reached the tracker: CREATING, for good
        try (Database db = Database.open(StoreSettings.from(new ConfigTree(Map.of()), data))) {
            JdbiIntakeRepository sessions = new JdbiIntakeRepository(db);
            IntakeSession previewing = sessions.find(id).orElseThrow();
            Extraction ex = previewing.extraction();
            sessions.update(previewing.withExtraction(new Extraction(ex.draft().withParentKey("BOOK-" + "1".repeat(60)),
                    ex.missing(), ex.ambiguities(), ex.confidence(), ex.flags(), ex.questions(), ex.ambiguityScore(),
                    ex.extractor())).moveTo(IntakeState.CREATING, Instant.now()));
        }
        try (TestServer s = start(Map.of())) {
            // the startup housekeeping resumes interrupted sessions in the background
            Http.Response state = s.http.get("/api/pipeline/sessions/" + id);
            for (long until = System.nanoTime() + 30_000_000_000L; state.json().path("state").asText()
                    .equals("creating") && System.nanoTime() < until; ) {
                Thread.sleep(100);
                state = s.http.get("/api/pipeline/sessions/" + id);
            }
            assertThat(state.json().path("state").asText()).as(state.body()).isEqualTo("previewing");
            assertThat(state.json().path("failure").asText()).contains("parent").doesNotContain("1111111111");
            Http.Response fixed = s.http.postJson("/api/pipeline/approve", Map.of("session_id", id,
                    "overrides", Map.of("parent", "")));
            assertThat(fixed.status()).as(fixed.body()).isEqualTo(200);
            assertThat(s.app.tracker().list(null, 50)).hasSize(1);
        }
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyFilesOnceAlsoAfterARestart() throws Exception {
        Map<String, Object> direct = Map.of("pipeline.require_approval", "false");
        String body = "{\"text\":\"Create a task in TrackIt to upgrade the invoice PDF library\"}";
        String first;
        try (TestServer s = start(direct)) {
            Http.Response r = post(s.running.url(), "/api/pipeline/run", body, "Idempotency-Key", "retry-me");
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            first = r.json().path("ticket_key").asText();
        }
        try (TestServer s = start(direct)) {
            Http.Response again = post(s.running.url(), "/api/pipeline/run", body, "Idempotency-Key", "retry-me");
            assertThat(again.status()).as(again.body()).isEqualTo(200);
            assertThat(again.json().path("ticket_key").asText()).isEqualTo(first);
            assertThat(s.app.tracker().list(null, 50)).hasSize(1);
        }
    }

    @Test
    void aSignedDeliveryIsTakenOnceAlsoAfterARestart() throws Exception {
        Map<String, Object> signed = Map.of("server.webhook_secret", "hush", "server.api_token", "tok");
        String body;
        try (TestServer s = start(signed)) {
            String key = s.app.tracker().create(new dev.voxloop.core.intent.TicketDraft("Voice ticket", "",
                    java.util.List.of(), null, null, "BOOK", null, java.util.List.of(TicketTracker.VOICE_INITIATED)),
                    new dev.voxloop.core.ticket.Provenance("hardening-1", true, "", java.time.Instant.now())).key();
            body = "{\"webhookEvent\":\"jira:issue_created\",\"timestamp\":" + System.currentTimeMillis()
                    + ",\"issue\":{\"key\":\"" + key + "\",\"fields\":{\"summary\":\"Voice ticket\",\"labels\":[\""
                    + TicketTracker.VOICE_INITIATED + "\"]}}}";
            Http.Response r = post(s.running.url(), "/api/webhook/jira", body, "X-Hub-Signature", sign(body));
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(r.json().path("queued").asBoolean()).isTrue();
            assertThat(post(s.running.url(), "/api/webhook/jira", body).status()).as("unsigned").isEqualTo(401);
        }
        try (TestServer s = start(signed)) {
            Http.Response replay = post(s.running.url(), "/api/webhook/jira", body, "X-Hub-Signature", sign(body));
            assertThat(replay.status()).as(replay.body()).isEqualTo(409);
        }
    }

    static String sign(String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("hush".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }
}

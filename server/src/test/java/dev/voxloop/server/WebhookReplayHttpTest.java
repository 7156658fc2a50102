package dev.voxloop.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voxloop.server.security.WebhookSignature;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Signed webhook deliveries: fresh, never twice, for real tickets only, and a finished ticket is not queued again. */
class WebhookReplayHttpTest {

    static final String SECRET = "s3cret";

    static String event(String key, long timestamp) {
        return "{\"webhookEvent\": \"jira:issue_created\", \"timestamp\": " + timestamp + ", \"issue\": {\"key\": \""
                + key + "\", \"fields\": {\"summary\": \"Summary\", \"labels\": [\"VOICE_INITIATED\"]}}}";
    }

    static TestServer.Response signed(TestServer s, String body) {
        String sig = "sha256=" + HexFormat.of().formatHex(new WebhookSignature(SECRET)
                .sign(body.getBytes(StandardCharsets.UTF_8)));
        return s.postJson("/api/webhook/jira", body, "X-Hub-Signature", sig);
    }

    @Test
    void replaysStaleDeliveriesAndBadKeysAreRefused() {
        try (TestServer s = TestServer.builder().settings(x -> x.withWebhookSecret(SECRET).withApiToken("t")).start()) {
            s.fileTickets("BOOK", 2);
            long now = s.clock.instant().toEpochMilli();
            String body = event("BOOK-1", now);
            assertThat(signed(s, body).json().get("queued").asBoolean()).isTrue();
            var replay = signed(s, body);
            assertThat(replay.status()).isEqualTo(409);
            assertThat(replay.json().get("detail").asText()).contains("replay");

            assertThat(signed(s, event("BOOK-2", now - 3_600_000)).status()).as("an hour old").isEqualTo(409);
            var noTimestamp = signed(s, event("BOOK-2", now).replaceFirst("\"timestamp\": \\d+, ", ""));
            assertThat(noTimestamp.status()).isEqualTo(400);
            assertThat(noTimestamp.json().get("field").asText()).isEqualTo("timestamp");
            var path = signed(s, event("../../etc/passwd", now));
            assertThat(path.status()).isEqualTo(400);
            assertThat(path.json().get("field").asText()).isEqualTo("issue.key");
            assertThat(signed(s, event("BOOK-99", now)).status()).as("no such ticket").isEqualTo(422);
            assertThat(s.queue.list(dev.voxloop.core.queue.QueueStatus.PENDING, 10)).hasSize(1);
        }
    }

    @Test
    void aFinishedTicketIsNotQueuedAgainByALaterDelivery() {
        try (TestServer s = TestServer.builder().settings(x -> x.withWebhookSecret(SECRET)).start()) {
            s.fileTickets("BOOK", 1);
            long now = s.clock.instant().toEpochMilli();
            assertThat(signed(s, event("BOOK-1", now)).json().get("queued").asBoolean()).isTrue();
            s.postJson("/api/loop/started", "{\"key\": \"BOOK-1\"}");
            s.postJson("/api/loop/completed", "{\"key\": \"BOOK-1\", \"success\": true}");
            var later = signed(s, event("BOOK-1", now + 1));
            assertThat(later.status()).isEqualTo(200);
            assertThat(later.json().get("queued").asBoolean()).isFalse();
            assertThat(s.get("/api/loop/queue").json()).isEmpty();
        }
    }
}

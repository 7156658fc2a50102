package dev.voxloop.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voxloop.server.security.WebhookSignature;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The loop queue endpoints and the Jira webhook. */
class LoopAndWebhookHttpTest extends FreshServerTest {

    static String issueEvent(String event, String key, String... labels) {
        StringBuilder l = new StringBuilder();
        for (String label : labels) {
            l.append(l.isEmpty() ? "" : ",").append('"').append(label).append('"');
        }
        return "{\"webhookEvent\": \"" + event + "\", \"timestamp\": " + System.currentTimeMillis() + ", \"issue\": {\"key\": \"" + key
                + "\", \"fields\": {\"summary\": \"Summary of " + key + "\", \"labels\": [" + l + "]}}}";
    }

    @Test
    void queueListsPendingInInsertionOrder() {
        server.queue.enqueue("BOOK-2", "second? no, first");
        server.queue.enqueue("BOOK-1", "then this");
        var q = server.get("/api/loop/queue").json();
        assertThat(q).hasSize(2);
        assertThat(q.get(0).get("key").asText()).isEqualTo("BOOK-2");
        assertThat(q.get(0).get("summary").asText()).isEqualTo("second? no, first");
        assertThat(q.get(0).get("status").asText()).isEqualTo("pending");
        assertThat(q.get(1).get("key").asText()).isEqualTo("BOOK-1");
    }

    @Test
    void startedCompletedFailedAndRetry() {
        server.queue.enqueue("BOOK-1", "Fix calendar");
        var unknown = server.postJson("/api/loop/started", "{\"key\": \"NOPE-9\"}");
        assertThat(unknown.status()).isEqualTo(404);

        var started = server.postJson("/api/loop/started", "{\"key\": \"BOOK-1\"}");
        assertThat(started.status()).isEqualTo(200);
        assertThat(started.json().get("status").asText()).isEqualTo("ok");
        assertThat(started.json().get("key").asText()).isEqualTo("BOOK-1");
        assertThat(server.get("/api/loop/queue").json()).isEmpty();

        // failures below the attempt limit go back to pending; the last one goes to the failed list
        for (int attempt = 1; attempt <= 3; attempt++) {
            if (attempt > 1) {
                assertThat(server.postJson("/api/loop/started", "{\"key\": \"BOOK-1\"}").status()).isEqualTo(200);
            }
            var done = server.postJson("/api/loop/completed",
                    "{\"key\": \"BOOK-1\", \"success\": false, \"error\": \"tests failed\"}");
            assertThat(done.status()).isEqualTo(200);
            assertThat(done.json().get("success").isBoolean()).as("a JSON boolean, not 'False'").isTrue();
            assertThat(done.json().get("success").asBoolean()).isFalse();
        }
        var failed = server.get("/api/loop/failed").json();
        assertThat(failed).hasSize(1);
        assertThat(failed.get(0).get("key").asText()).isEqualTo("BOOK-1");
        assertThat(failed.get(0).get("summary").asText()).isEqualTo("Fix calendar");
        assertThat(failed.get(0).get("retry_count").asInt()).isEqualTo(3);
        assertThat(failed.get(0).get("last_error").asText()).isEqualTo("tests failed");

        var notRunning = server.postJson("/api/loop/completed", "{\"key\": \"BOOK-1\", \"success\": true}");
        assertThat(notRunning.status()).isEqualTo(409);
        assertThat(server.postJson("/api/loop/completed", "{\"key\": \"NOPE-1\", \"success\": true}").status())
                .isEqualTo(404);

        var retry = server.post("/api/loop/retry/BOOK-1", "");
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.json().get("status").asText()).isEqualTo("ok");
        assertThat(retry.json().get("key").asText()).isEqualTo("BOOK-1");
        assertThat(server.get("/api/loop/queue").json()).hasSize(1);
        assertThat(server.post("/api/loop/retry/NOPE-1", "").json().get("status").asText()).isEqualTo("not_found");

        server.postJson("/api/loop/started", "{\"key\": \"BOOK-1\"}");
        var ok = server.postJson("/api/loop/completed", "{\"key\": \"BOOK-1\", \"success\": true}").json();
        assertThat(ok.get("success").asBoolean()).isTrue();
        assertThat(ok.get("queue_status").asText()).isEqualTo("done");
    }

    @Test
    void completedNeedsSuccess() {
        var r = server.postJson("/api/loop/completed", "{\"key\": \"BOOK-1\"}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("field").asText()).isEqualTo("success");
    }

    @Test
    void webhookQueuesVoiceInitiatedIssuesOnly() {
        server.fileTickets("BOOK", 11);
        var processed = server.postJson("/api/webhook/jira", issueEvent("jira:issue_created", "BOOK-7",
                "VOICE_INITIATED"));
        assertThat(processed.status()).isEqualTo(200);
        assertThat(processed.json().get("status").asText()).isEqualTo("processed");
        assertThat(processed.json().get("issue_key").asText()).isEqualTo("BOOK-7");
        String labelAdded = issueEvent("jira:issue_updated", "BOOK-8", "x", "VOICE_INITIATED")
                .replaceFirst("}$", ", \"changelog\": {\"items\": [{\"field\": \"labels\", \"fromString\": \"x\","
                        + " \"toString\": \"x VOICE_INITIATED\"}]}}");
        var updated = server.postJson("/api/webhook/jira", labelAdded);
        assertThat(updated.json().get("status").asText()).isEqualTo("processed");
        var laterEdit = server.postJson("/api/webhook/jira", issueEvent("jira:issue_updated", "BOOK-11",
                "VOICE_INITIATED"));
        assertThat(laterEdit.json().get("status").asText()).as("an edit that did not add the label").isEqualTo("ignored");

        var ignoredLabel = server.postJson("/api/webhook/jira", issueEvent("jira:issue_created", "BOOK-9", "other"));
        assertThat(ignoredLabel.json().get("status").asText()).isEqualTo("ignored");
        assertThat(ignoredLabel.json().get("event").asText()).isEqualTo("jira:issue_created");
        var ignoredEvent = server.postJson("/api/webhook/jira", issueEvent("jira:issue_deleted", "BOOK-10",
                "VOICE_INITIATED"));
        assertThat(ignoredEvent.json().get("status").asText()).isEqualTo("ignored");

        var queue = server.get("/api/loop/queue").json();
        assertThat(queue).hasSize(2);
        assertThat(queue.get(0).get("summary").asText()).isEqualTo("Summary of BOOK-7");
    }

    @Test
    void webhookSignatureIsCheckedWhenASecretIsSet() {
        try (TestServer signed = TestServer.builder().settings(s -> s.withWebhookSecret("s3cret")).start()) {
            signed.fileTickets("BOOK", 2);
            String body = issueEvent("jira:issue_created", "BOOK-1", "VOICE_INITIATED");
            String sig = "sha256=" + HexFormat.of().formatHex(
                    new WebhookSignature("s3cret").sign(body.getBytes(StandardCharsets.UTF_8)));
            var ok = signed.postJson("/api/webhook/jira", body, "X-Hub-Signature", sig);
            assertThat(ok.status()).isEqualTo(200);
            assertThat(ok.json().get("status").asText()).isEqualTo("processed");

            var missing = signed.postJson("/api/webhook/jira", body);
            assertThat(missing.status()).isEqualTo(401);
            assertThat(missing.json().get("error").asText()).isEqualTo("unauthorized");
            String wrong = "sha256=" + HexFormat.of().formatHex(
                    new WebhookSignature("other").sign(body.getBytes(StandardCharsets.UTF_8)));
            assertThat(signed.postJson("/api/webhook/jira", body, "X-Hub-Signature", wrong).status()).isEqualTo(401);
            var tampered = signed.postJson("/api/webhook/jira", body.replace("BOOK-1", "BOOK-2"), "X-Hub-Signature",
                    sig);
            assertThat(tampered.status()).isEqualTo(401);
            assertThat(signed.postJson("/api/webhook/jira", body, "X-Hub-Signature", "sha256=zz").status())
                    .isEqualTo(401);
            assertThat(signed.get("/api/loop/queue").json()).hasSize(1);
        }
    }

    @Test
    void webhookRejectsNonObjects() {
        assertThat(server.postJson("/api/webhook/jira", "[]").status()).isEqualTo(400);
        assertThat(server.postJson("/api/webhook/jira", "{oops").status()).isEqualTo(400);
    }
}

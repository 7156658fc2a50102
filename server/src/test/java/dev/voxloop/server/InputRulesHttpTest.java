package dev.voxloop.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voxloop.core.intent.TicketDraft;
import dev.voxloop.core.problem.Problem;
import dev.voxloop.core.ticket.Provenance;
import dev.voxloop.core.ticket.Ticket;
import dev.voxloop.core.ticket.TicketTracker;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Every input's length and shape is checked before it reaches storage (400 naming the field, never a 500), and a
 * failure while filing leaves the session approvable instead of stuck in "creating".
 */
class InputRulesHttpTest extends FreshServerTest {

    static final String CLEAR = PipelineHttpTest.CLEAR;

    static String json(Object o) {
        return TestServer.JSON.valueToTree(o).toString();
    }

    String preview() {
        var r = server.postJson("/api/pipeline/run", json(java.util.Map.of("text", CLEAR)));
        assertThat(r.json().get("status").asText()).isEqualTo("preview_needed");
        return r.json().get("session_id").asText();
    }

    TestServer.Response approve(String id, String overrides) {
        return server.postJson("/api/pipeline/approve", "{\"session_id\": \"" + id + "\", \"overrides\": " + overrides
                + "}");
    }

    static void assertBad(TestServer.Response r, int status, String field) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.json().get("field").asText()).isEqualTo(field);
        assertThat(r.body()).doesNotContain("Exception", "\tat ");
    }

    @Test
    void overLongParentIsRefusedAndTheSessionStaysApprovable() {
        String id = preview();
        assertBad(approve(id, "{\"parent\": \"" + "P".repeat(60) + "\"}"), 400, "overrides.parent");
        assertBad(approve(id, "{\"parent\": \"../../etc/passwd\"}"), 400, "overrides.parent");
        assertBad(approve(id, "{\"parent\": \"BOOK-99\"}"), 400, "overrides.parent");
        assertThat(server.get("/api/pipeline/sessions/" + id).json().get("state").asText()).isEqualTo("previewing");
        server.fileTickets("BOOK", 1);
        var ok = approve(id, "{\"parent\": \"BOOK-1\"}");
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(server.get("/api/tickets/" + ok.json().get("ticket_key").asText()).json().get("parent").asText())
                .isEqualTo("BOOK-1");
    }

    @Test
    void overrideErrorsNameTheOverridesField() {
        String id = preview();
        var shortSummary = approve(id, "{\"summary\": \"x\"}");
        assertBad(shortSummary, 400, "overrides.summary");
        assertThat(shortSummary.json().get("detail").asText()).startsWith("overrides.summary");
        assertBad(approve(id, "{\"summary\": \"" + "s".repeat(256) + "\"}"), 400, "overrides.summary");
        assertBad(approve(id, "{\"project\": \"Nowhere\"}"), 400, "overrides.project");
        assertBad(approve(id, "{\"labels\": [null]}"), 400, "overrides.labels[0]");
        assertBad(approve(id, "{\"labels\": [\"ok\", \"\\u0000\"]}"), 400, "overrides.labels[1]");
        assertBad(approve(id, "{\"description\": \"" + "d".repeat(32_001) + "\"}"), 400, "overrides.description");
    }

    @Test
    void longWorkerAndKeyAreRefusedNot500() {
        server.queue.enqueue("BOOK-1", "x");
        assertBad(server.postJson("/api/loop/started", "{\"key\": \"BOOK-1\", \"worker\": \"" + "w".repeat(300)
                + "\"}"), 400, "worker");
        assertBad(server.postJson("/api/loop/started", "{\"key\": \"" + "K".repeat(65) + "\"}"), 400, "key");
        assertThat(server.postJson("/api/loop/started", "{\"key\": \"BOOK-1\", \"worker\": \"mac-1\"}").status())
                .isEqualTo(200);
    }

    @Test
    void nulAndInvisibleOnlyTextIsRefused() {
        for (String text : List.of("\u0000", "fix it\u0000now", "\u00a0\u00a0", "\u200b\u200b", "\ufeff", " \u2060 ")) {
            var r = server.postJson("/api/pipeline/run", json(java.util.Map.of("text", text)));
            assertBad(r, 400, "text");
        }
        // a lone surrogate can only arrive as a JSON escape (UTF-8 cannot carry it)
        assertBad(server.postJson("/api/pipeline/run", "{\"text\": \"\\ud800 broken\"}"), 400, "text");
        assertThat(server.sessions.recent(10)).isEmpty();
    }

    @Test
    void theTextLimitCountsCharactersNotUtf16Units() {
        String emoji = "\ud83d\ude80"; // one character, two UTF-16 units
        var atLimit = server.postJson("/api/pipeline/run", json(java.util.Map.of("text",
                "Add a rocket to StoreIt " + emoji.repeat(10_000 - 24))));
        assertThat(atLimit.status()).as(atLimit.body()).isEqualTo(200);
        var over = server.postJson("/api/pipeline/run", json(java.util.Map.of("text", emoji.repeat(10_001))));
        assertBad(over, 413, "text");
    }

    @Test
    void aWebhookWithoutAnIssueIs400() {
        assertBad(server.postJson("/api/webhook/jira", "{\"webhookEvent\": \"jira:issue_deleted\"}"), 400, "issue");
        assertBad(server.postJson("/api/webhook/jira", "{\"webhookEvent\": \"jira:issue_created\", \"issue\": 5}"),
                400, "issue");
    }

    @Test
    void aTrackerFailureWhileFilingLeavesThePreviewRetryableAndLogsNoRequestText() throws Exception {
        boolean[] broken = {true};
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (TestServer s = TestServer.builder().tracker(t -> new FailingOnce(t, broken)).start()) {
            var run = s.postJson("/api/pipeline/run", json(java.util.Map.of("text", CLEAR)));
            String id = run.json().get("session_id").asText();
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            var failed = s.postJson("/api/pipeline/approve", "{\"session_id\": \"" + id + "\"}");
            System.setErr(original);
            assertThat(failed.status()).as(failed.body()).isEqualTo(502);
            assertThat(failed.body()).doesNotContain("calendar", "SQL");
            var state = s.get("/api/pipeline/sessions/" + id).json();
            assertThat(state.get("state").asText()).as("retryable, not stuck in creating").isEqualTo("previewing");
            broken[0] = false;
            var ok = s.postJson("/api/pipeline/approve", "{\"session_id\": \"" + id + "\"}");
            assertThat(ok.status()).as(ok.body()).isEqualTo(200);
            assertThat(s.postJson("/api/pipeline/discard", "{\"session_id\": \"" + id + "\"}").status())
                    .isEqualTo(409);
        } finally {
            System.setErr(original);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertThat(log).contains("filing intake").doesNotContain("calendar crashes", "secret-argument");
    }

    @Test
    void anUnexpectedErrorIsLoggedWithoutItsMessage() {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        TicketTracker exploding = new FailingOnce(null, new boolean[] {true}) {
            @Override
            public List<Ticket> list(String projectKey, int limit) {
                throw new IllegalStateException("arguments: {summary: secret-argument}");
            }
        };
        try (TestServer s = TestServer.builder().tracker(t -> exploding).start()) {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            var r = s.get("/api/tickets");
            assertThat(r.status()).isEqualTo(500);
            assertThat(r.body()).doesNotContain("secret-argument");
        } finally {
            System.setErr(original);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertThat(log).contains("unexpected error", "IllegalStateException").doesNotContain("secret-argument");
    }

    /** A tracker whose create fails like a database would (a runtime error quoting the statement's arguments). */
    static class FailingOnce implements TicketTracker {
        private final TicketTracker inner;
        private final boolean[] broken;

        FailingOnce(TicketTracker inner, boolean[] broken) {
            this.inner = inner;
            this.broken = broken;
        }

        @Override
        public String name() {
            return "failing";
        }

        @Override
        public List<dev.voxloop.core.ticket.Project> projects() {
            return inner == null ? List.of() : inner.projects();
        }

        @Override
        public Ticket create(TicketDraft draft, Provenance provenance) {
            if (broken[0]) {
                throw new IllegalStateException("Value too long for column: '" + draft.summary() + "' secret-argument");
            }
            return inner.create(draft, provenance);
        }

        @Override
        public Optional<Ticket> find(String key) {
            return inner == null ? Optional.empty() : inner.find(key);
        }

        @Override
        public List<Ticket> list(String projectKey, int limit) {
            return inner.list(projectKey, limit);
        }

        @Override
        public void comment(String key, String body) {
            throw new Problem(Problem.Kind.UNAVAILABLE, "no comments");
        }

        @Override
        public void transition(String key, dev.voxloop.core.ticket.TicketStatus status) {
            throw new Problem(Problem.Kind.UNAVAILABLE, "no transitions");
        }

        @Override
        public String browseUrl(String key) {
            return inner == null ? "" : inner.browseUrl(key);
        }
    }
}

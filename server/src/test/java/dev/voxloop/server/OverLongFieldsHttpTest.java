package dev.voxloop.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Every field of every JSON request, every path parameter and the Idempotency-Key header, sent too long: each is
 * refused with a 4xx that names it (body fields) before anything is stored, never a 500. The lengths come from the
 * OpenAPI document ({@link DocumentLimits}): one character past its maxLength is refused, a value of exactly its
 * maxLength is not refused as too long, so the document states the server's limits. The request records the routes
 * bind are read by reflection, and the document's limited fields are listed, so a field added later without a case
 * here fails this test.
 */
class OverLongFieldsHttpTest extends FreshServerTest {

    /** Far longer than any limit, for the fields the document gives no length (a round number). */
    static final String LONG = "x".repeat(32_001);

    /** Paths served by another module's routes (forge, loop runs): their limits are checked where they are wired. */
    static final List<String> ELSEWHERE = List.of("/api/repos/", "/api/loop/runs/");

    /** One request with field {@code field} set to a value; {@code expected} is the field the 400 must name. */
    record Case(String record, String component, String path, Function<String, String> body, String expected) {
    }

    String session;

    List<Case> cases() {
        List<Case> c = new ArrayList<>();
        String sid = "{\"session_id\": \"" + session + "\", ";
        c.add(new Case("IntakeRequests$Text", "text", "/api/pipeline/run", v -> "{\"text\": \"" + v + "\"}", "text"));
        c.add(new Case("IntakeRequests$Text", "text", "/api/extract", v -> "{\"text\": \"" + v + "\"}", "text"));
        c.add(new Case("IntakeRequests$Clarify", "sessionId", "/api/pipeline/clarify",
                v -> "{\"session_id\": \"" + v + "\", \"text\": \"ok\"}", "session_id"));
        c.add(new Case("IntakeRequests$Clarify", "text", "/api/pipeline/clarify",
                v -> sid + "\"text\": \"" + v + "\"}", "text"));
        c.add(new Case("IntakeRequests$Clarify", "round", "/api/pipeline/clarify",
                v -> sid + "\"text\": \"ok\", \"round\": 1" + "0".repeat(40) + "}", null));
        c.add(new Case("IntakeRequests$Confirm", "sessionId", "/api/pipeline/confirm",
                v -> "{\"session_id\": \"" + v + "\"}", "session_id"));
        c.add(new Case("IntakeRequests$Confirm", "text", "/api/pipeline/confirm",
                v -> sid + "\"text\": \"" + v + "\"}", "text"));
        c.add(new Case("IntakeRequests$Discard", "sessionId", "/api/pipeline/discard",
                v -> "{\"session_id\": \"" + v + "\"}", "session_id"));
        c.add(new Case("IntakeRequests$Approve", "sessionId", "/api/pipeline/approve",
                v -> "{\"session_id\": \"" + v + "\"}", "session_id"));
        for (String[] o : new String[][] {{"summary", "summary"}, {"description", "description"},
                {"acceptanceCriteria", "acceptance_criteria"}, {"issueType", "issue_type"}, {"priority", "priority"},
                {"project", "project"}, {"parent", "parent"}}) {
            c.add(new Case("IntakeRequests$Overrides", o[0], "/api/pipeline/approve",
                    v -> sid + "\"overrides\": {\"" + o[1] + "\": \"" + v + "\"}}", "overrides." + o[1]));
        }
        c.add(new Case("IntakeRequests$Overrides", "labels", "/api/pipeline/approve",
                v -> sid + "\"overrides\": {\"labels\": [\"" + v + "\"]}}", "overrides.labels[0]"));
        c.add(new Case("IntakeRequests$Overrides", "acceptanceCriteria", "/api/pipeline/approve",
                v -> sid + "\"overrides\": {\"acceptance_criteria\": [\"" + v + "\"]}}",
                "overrides.acceptance_criteria[0]"));
        c.add(new Case("LoopRoutes$Started", "key", "/api/loop/started", v -> "{\"key\": \"" + v + "\"}", "key"));
        c.add(new Case("LoopRoutes$Started", "worker", "/api/loop/started",
                v -> "{\"key\": \"BOOK-1\", \"worker\": \"" + v + "\"}", "worker"));
        c.add(new Case("LoopRoutes$Completed", "key", "/api/loop/completed",
                v -> "{\"key\": \"" + v + "\", \"success\": true}", "key"));
        c.add(new Case("LoopRoutes$Completed", "error", "/api/loop/completed",
                v -> "{\"key\": \"BOOK-2\", \"success\": false, \"error\": \"" + v + "\"}", "error"));
        c.add(new Case("webhook", "issue.key", "/api/webhook/jira", v -> "{\"webhookEvent\": \"jira:issue_created\","
                + " \"issue\": {\"key\": \"" + v + "\", \"fields\": {\"labels\": [\"VOICE_INITIATED\"]}}}",
                "issue.key"));
        c.add(new Case("webhook", "issue.fields.summary", "/api/webhook/jira", v -> "{\"webhookEvent\": "
                + "\"jira:issue_created\", \"issue\": {\"key\": \"BOOK-1\", \"fields\": {\"summary\": \"" + v
                + "\", \"labels\": [\"VOICE_INITIATED\"]}}}", "issue.fields.summary"));
        return c;
    }

    @Test
    void everyBodyFieldTooLongIsA4xxNamingIt() {
        session = server.postJson("/api/pipeline/run", "{\"text\": \"" + PipelineHttpTest.CLEAR + "\"}").json()
                .get("session_id").asText();
        server.fileTickets("BOOK", 2);
        server.queue.enqueue("BOOK-1", "one");
        server.queue.enqueue("BOOK-2", "two");
        server.queue.markStarted("BOOK-2", "w", java.time.Duration.ofHours(1));
        for (Case c : cases()) {
            int over = c.expected() == null ? LONG.length() : limit(c) + 1;
            for (String value : List.of("x".repeat(over), "\ud83d\ude80".repeat(over))) {
                var r = server.postJson(c.path(), c.body().apply(value));
                String what = c.path() + " " + c.component() + ": " + r.body();
                assertThat(r.status()).as(what).isBetween(400, 499);
                assertThat(r.body()).as(what).doesNotContain("Exception", "\tat ", "SQL");
                if (c.expected() != null) {
                    assertThat(r.json().get("field").asText()).as(what).isEqualTo(c.expected());
                }
            }
        }
        // nothing over-long was stored: the one session, the two tickets, the two queue entries
        assertThat(server.sessions.recent(10)).hasSize(1);
        assertThat(server.tracker.list(null, 10)).hasSize(2);
        assertThat(server.get("/api/pipeline/sessions/" + session).json().get("state").asText())
                .isEqualTo("previewing");
    }

    /** The document's maxLength of the case's field (a case's field must have one). */
    static int limit(Case c) {
        return DocumentLimits.maxLength(c.path(), c.expected()).orElseThrow(() -> new AssertionError(
                "/openapi.json states no maxLength for " + c.expected() + " of POST " + c.path()));
    }

    @Test
    void aValueOfExactlyTheDocumentsLimitIsNotTooLong() {
        server.fileTickets("BOOK", 2);
        int n = 0;
        for (int i = 0; ; i++) {
            // a fresh session per case: an approve that succeeds would answer every later one from its ticket
            session = server.postJson("/api/pipeline/run", "{\"text\": \"" + PipelineHttpTest.CLEAR + "\"}").json()
                    .get("session_id").asText();
            List<Case> all = cases();
            if (i >= all.size()) {
                break;
            }
            Case c = all.get(i);
            if (c.expected() == null) {
                continue;
            }
            server.queue.enqueue("BOOK-1", "one");
            var r = server.postJson(c.path(), c.body().apply("x".repeat(limit(c))));
            String what = c.path() + " " + c.expected() + " at " + limit(c) + ": " + r.body();
            assertThat(r.status()).as(what).isNotEqualTo(413).isLessThan(500);
            if (r.status() >= 400 && c.expected().equals(r.json().path("field").asText())) {
                assertThat(r.json().path("detail").asText()).as(what).doesNotContain("too long");
            }
            n++;
        }
        assertThat(n).isGreaterThan(20);
    }

    @Test
    void everyLimitTheDocumentStatesHasACase() {
        session = "s";
        Set<String> covered = new LinkedHashSet<>();
        cases().forEach(c -> covered.add(c.path() + " " + c.expected()));
        List<String> missing = new ArrayList<>();
        DocumentLimits.DOC.path("paths").properties().forEach(p -> {
            boolean elsewhere = ELSEWHERE.stream().anyMatch(p.getKey()::startsWith);
            if (!elsewhere && p.getValue().path("post").path("requestBody").path("content").has("application/json")) {
                for (String field : DocumentLimits.limitedFields(p.getKey())) {
                    if (!covered.contains(p.getKey() + " " + field)) {
                        missing.add(p.getKey() + " " + field);
                    }
                }
            }
        });
        assertThat(missing).as("fields with a maxLength in /openapi.json but no over-long case").isEmpty();
    }

    @Test
    void everyRequestRecordFieldHasACase() throws Exception {
        session = "s";
        Set<String> covered = new LinkedHashSet<>();
        cases().forEach(c -> covered.add(c.record() + "." + c.component()));
        List<String> missing = new ArrayList<>();
        for (String record : List.of("intake.IntakeRequests$Text", "intake.IntakeRequests$Confirm",
                "intake.IntakeRequests$Clarify",
                "intake.IntakeRequests$Discard", "intake.IntakeRequests$Approve", "intake.IntakeRequests$Overrides",
                "loop.LoopRoutes$Started", "loop.LoopRoutes$Completed")) {
            Class<?> type = Class.forName("dev.voxloop.server.http." + record);
            for (RecordComponent rc : type.getRecordComponents()) {
                boolean textual = rc.getType() == String.class || rc.getType() == List.class
                        || rc.getType().getSimpleName().equals("JsonNode") || rc.getType() == Integer.class;
                String name = record.substring(record.indexOf('.') + 1) + "." + rc.getName();
                if (textual && !covered.contains(name)) {
                    missing.add(name);
                }
            }
        }
        assertThat(missing).as("request fields without an over-long case").isEmpty();
    }

    @Test
    void overLongPathParametersAndHeadersAreRefusedNot500() {
        for (String path : List.of("/api/pipeline/sessions/", "/api/tickets/", "/tickets/")) {
            var r = server.get(path + "k".repeat(5_000));
            assertThat(r.status()).as(path).isEqualTo(404);
        }
        assertThat(server.post("/api/loop/retry/" + "K".repeat(5_000), "").status()).isEqualTo(200);
        var key = server.postJson("/api/pipeline/run", "{\"text\": \"" + PipelineHttpTest.CLEAR + "\"}",
                "Idempotency-Key", "k".repeat(256));
        assertThat(key.status()).isEqualTo(400);
        assertThat(key.json().get("field").asText().toLowerCase(Locale.ROOT)).isEqualTo("idempotency-key");
        assertThat(server.get("/api/tickets?project=" + "p".repeat(5_000)).status()).isEqualTo(400);
        assertThat(server.sessions.recent(10)).isEmpty();
    }
}

package dev.voxloop.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.voxloop.core.testing.Concurrently;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The intake pipeline end to end through the real HTTP API of the composed application: the Foundation's
 * done-when, run once per storage/tracker combination by the subclasses.
 */
abstract class PipelineContract {

    @TempDir
    Path data;

    private TestServer server;

    /** Extra configuration of the subclass (database, tracker). */
    abstract Map<String, Object> baseConfig();

    /** The StoreIt project's key in this tracker. */
    String storeKey() {
        return "SHOP";
    }

    TestServer start(Map<String, Object> extra) {
        server = second(extra);
        return server;
    }

    /** Another server over the same data directory and database; the caller closes it. */
    TestServer second(Map<String, Object> extra) {
        Map<String, Object> dotted = new HashMap<>(baseConfig());
        dotted.put("speech.engine", "none"); // text-only suite: do not warm a speech model per test
        dotted.putAll(extra);
        return new TestServer(data, TestServer.config(dotted));
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void previewThenApproveFilesOneTicketThatIsVisibleQueuedAndStreamed() throws Exception {
        TestServer s = start(Map.of());
        List<String> frames = new CopyOnWriteArrayList<>();
        WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create(s.running.url().replace("http", "ws") + "/ws/status"), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket socket, CharSequence text, boolean last) {
                        frames.add(text.toString());
                        socket.request(1);
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);

        Http.Response run = s.http.post("/api/pipeline/run",
                "{\"text\":\"Create a high priority bug in BookIt: the calendar crashes on Safari\"}");
        assertThat(run.status()).as(run.body()).isEqualTo(200);
        JsonNode preview = run.json();
        assertThat(preview.path("status").asText()).isEqualTo("preview_needed");
        assertThat(preview.path("intent").path("issue_type").asText()).isEqualTo("Bug");
        assertThat(preview.path("intent").path("priority").asText()).isEqualTo("High");
        assertThat(preview.path("intent").path("project").asText()).isEqualTo("BOOK");

        Http.Response approved = s.http.postJson("/api/pipeline/approve",
                Map.of("session_id", preview.path("session_id").asText()));
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        String key = approved.json().path("ticket_key").asText();
        String url = approved.json().path("ticket_url").asText();
        assertThat(key).matches("BOOK-\\d+");
        assertThat(url).endsWith(key);

        JsonNode ticket = s.http.get("/api/tickets/" + key).json();
        assertThat(ticket.toString()).contains("calendar crashes on Safari");
        assertThat(s.http.get("/api/loop/queue").body()).contains(key);

        for (int i = 0; i < 50 && frames.stream().noneMatch(f -> f.contains("Ticket created")); i++) {
            Thread.sleep(100);
        }
        String all = String.join("\n", frames);
        assertThat(all).contains("\"extracting\"").contains("\"previewing\"").contains("\"creating\"")
                .contains("Ticket created: " + key).contains("ticket_queued");
        ws.abort();
    }

    @Test
    void approvingTwiceFilesOneTicket() {
        TestServer s = start(Map.of());
        String id = s.http.post("/api/pipeline/run", "{\"text\":\"Add a story to StoreIt so customers can save items"
                + " to a wishlist\"}").json().path("session_id").asText();
        String first = s.http.postJson("/api/pipeline/approve", Map.of("session_id", id)).json().path("ticket_key")
                .asText();
        String second = s.http.postJson("/api/pipeline/approve", Map.of("session_id", id)).json().path("ticket_key")
                .asText();
        assertThat(second).isEqualTo(first);
        assertThat(s.app.tracker().list(storeKey(), 50)).hasSize(1);
    }

    @Test
    void approvalOffFilesDirectlyLikeTheOriginal() {
        TestServer s = start(Map.of("pipeline.require_approval", "false"));
        Http.Response r = s.http.post("/api/pipeline/run",
                "{\"text\":\"Create a task in TrackIt to upgrade the invoice PDF library\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().path("ticket_key").asText()).startsWith("TRACK-");
    }

    @Test
    void vagueRequestIsClarifiedAtMostThreeTimesThenPreviewed() {
        TestServer s = start(Map.of());
        JsonNode r = s.http.post("/api/pipeline/run", "{\"text\":\"make it faster\"}").json();
        assertThat(r.path("status").asText()).isEqualTo("clarification_needed");
        String id = r.path("session_id").asText();
        int rounds = 0;
        while ("clarification_needed".equals(r.path("status").asText())) {
            rounds++;
            assertThat(r.path("round").asInt()).isEqualTo(rounds);
            r = s.http.postJson("/api/pipeline/clarify", Map.of("session_id", id, "text", "hmm"))
                    .json();
        }
        assertThat(rounds).isLessThanOrEqualTo(3);
        assertThat(r.path("status").asText()).isEqualTo("preview_needed");
        assertThat(r.path("gaps").size()).isPositive();
    }

    /**
     * Two servers over one database (as two processes would be): twenty identical answers to round 1, sent to both
     * at once, fill that round once; the rest are 409 (the per-process lock cannot see the other server, the
     * session row's version check does).
     */
    @Test
    void parallelIdenticalAnswersOnTwoServersFillOneRound() throws Exception {
        TestServer a = start(Map.of());
        try (TestServer b = second(Map.of())) {
            JsonNode r = a.http.post("/api/pipeline/run", "{\"text\":\"make it faster\"}").json();
            assertThat(r.path("status").asText()).isEqualTo("clarification_needed");
            String id = r.path("session_id").asText();
            Map<String, Object> answer = Map.of("session_id", id, "text", "hmm", "round", 1);
            List<Integer> statuses = Concurrently.run(20, i -> (i % 2 == 0 ? a : b).http
                    .postJson("/api/pipeline/clarify", answer).status());
            assertThat(statuses).as(statuses.toString()).allMatch(st -> st == 200 || st == 409);
            assertThat(statuses.stream().filter(st -> st == 200).count()).as(statuses.toString()).isEqualTo(1);
            JsonNode state = b.http.get("/api/pipeline/sessions/" + id).json();
            assertThat(state.path("answers")).hasSize(1);
        }
    }

    /** Five retries of one run with the same Idempotency-Key, spread over two servers, file one ticket. */
    @Test
    void retriesWithOneIdempotencyKeyOnTwoServersFileOnce() throws Exception {
        TestServer a = start(Map.of("pipeline.require_approval", "false"));
        try (TestServer b = second(Map.of("pipeline.require_approval", "false"))) {
            String body = "{\"text\":\"Create a task in TrackIt to upgrade the invoice PDF library\"}";
            List<Http.Response> answers = Concurrently.run(5, i -> (i % 2 == 0 ? a : b).http.post(
                    "/api/pipeline/run", body, "Idempotency-Key", "one-request"));
            assertThat(answers).allMatch(x -> x.status() == 200 || x.status() == 409);
            Http.Response again = b.http.post("/api/pipeline/run", body, "Idempotency-Key", "one-request");
            for (long until = System.nanoTime() + 10_000_000_000L; again.status() == 409
                    && System.nanoTime() < until; ) {
                Thread.sleep(100);
                again = b.http.post("/api/pipeline/run", body, "Idempotency-Key", "one-request");
            }
            assertThat(again.status()).as(again.body()).isEqualTo(200);
            assertThat(a.app.tracker().list(null, 50)).hasSize(1);
            assertThat(again.json().path("ticket_key").asText()).isEqualTo(a.app.tracker().list(null, 50).getFirst()
                    .key());
        }
    }

    @Test
    void clarificationAnswerRefinesTheSameDraft() {
        TestServer s = start(Map.of());
        JsonNode r = s.http.post("/api/pipeline/run",
                "{\"text\":\"the checkout page crashes when paying with a gift card\"}").json();
        if ("clarification_needed".equals(r.path("status").asText())) {
            r = s.http.postJson("/api/pipeline/clarify", Map.of("session_id", r.path("session_id").asText(),
                    "text", "StoreIt")).json();
        }
        assertThat(r.path("status").asText()).isEqualTo("preview_needed");
        assertThat(r.path("intent").path("project").asText()).isEqualTo(storeKey());
    }

    @Test
    void discardEndsTheSessionAndApproveThenConflicts() {
        TestServer s = start(Map.of());
        String id = s.http.post("/api/pipeline/run", "{\"text\":\"Add a story to EventIt for seat maps\"}").json()
                .path("session_id").asText();
        Http.Response d = s.http.postJson("/api/pipeline/discard", Map.of("session_id", id));
        assertThat(d.json().path("status").asText()).isEqualTo("discarded");
        assertThat(s.http.postJson("/api/pipeline/approve", Map.of("session_id", id)).status()).isEqualTo(409);
    }

    @Test
    void badInputGetsSpecificErrorsWithoutStackTraces() {
        TestServer s = start(Map.of());
        assertError(s.http.post("/api/pipeline/run", "{\"text\":\"   \"}"), 400);
        assertError(s.http.post("/api/pipeline/run", "{\"text\": "), 400);
        assertError(s.http.post("/api/pipeline/run", "{\"text\":\"x\",\"bogus\":1}"), 400);
        assertError(s.http.postJson("/api/pipeline/clarify", Map.of("session_id", "000000000000", "text", "a")), 404);
        assertError(s.http.postJson("/api/pipeline/approve", Map.of("session_id", "000000000000")), 404);
        assertError(s.http.get("/api/tickets/NOPE-1"), 404);
        assertError(s.http.post("/api/pipeline/run/audio", "{}"), 415);
    }

    private static void assertError(Http.Response r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.json().has("detail")).isTrue();
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }
}

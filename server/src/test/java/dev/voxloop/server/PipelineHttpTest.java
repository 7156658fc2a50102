package dev.voxloop.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.voxloop.core.testing.TextAsSpeech;
import dev.voxloop.intake.IntakeSettings;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The voice pipeline endpoints, in the original's shapes, over real HTTP. */
class PipelineHttpTest {

    static final String CLEAR = "Create a high priority bug in BookIt: the calendar crashes on Safari. "
            + "The calendar should open on Safari 17";

    TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.builder().speech(new TextAsSpeech()).start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    String run(String text) {
        return "{\"text\": " + TestServer.JSON.valueToTree(text) + "}";
    }

    @Test
    void clearRequestGoesToPreviewThenApprovalFilesOneTicketAndQueuesIt() {
        var preview = server.postJson("/api/pipeline/run", run(CLEAR));
        assertThat(preview.status()).isEqualTo(200);
        JsonNode p = preview.json();
        assertThat(p.get("status").asText()).isEqualTo("preview_needed");
        String id = p.get("session_id").asText();
        assertThat(id).matches("[0-9a-f]{12}");
        assertThat(p.get("transcribed_text").asText()).isEqualTo(CLEAR);
        assertThat(p.get("summary").asText()).startsWith("the calendar crashes on Safari");
        JsonNode intent = p.get("intent");
        assertThat(intent.get("issue_type").asText()).isEqualTo("Bug");
        assertThat(intent.get("priority").asText()).isEqualTo("High");
        assertThat(intent.get("project").asText()).isEqualTo("BOOK");
        assertThat(intent.get("acceptance_criteria").isTextual()).isTrue();
        assertThat(intent.get("acceptance_criteria_items")).hasSize(1);
        assertThat(intent.get("ambiguity_score").isNumber()).isTrue();
        assertThat(intent.get("labels").isArray()).isTrue();
        assertThat(p.get("gaps")).isEmpty();
        assertThat(p.get("flags").isArray()).isTrue();
        assertThat(p.get("confidence").isObject()).isTrue();
        assertThat(server.tracker.size()).isZero();

        var ticket = server.postJson("/api/pipeline/approve", "{\"session_id\": \"" + id + "\"}");
        assertThat(ticket.status()).isEqualTo(200);
        JsonNode t = ticket.json();
        assertThat(t.get("ticket_key").asText()).isEqualTo("BOOK-1");
        assertThat(t.get("ticket_url").asText()).isEqualTo(server.base() + "/tickets/BOOK-1");
        assertThat(t.get("summary").asText()).startsWith("the calendar crashes");
        assertThat(t.get("transcribed_text").asText()).isEqualTo(CLEAR);
        assertThat(t.get("session_id").asText()).isEqualTo(id);
        assertThat(t.get("queued").asBoolean()).isTrue();

        var again = server.postJson("/api/pipeline/approve", "{\"session_id\": \"" + id + "\"}");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("ticket_key").asText()).isEqualTo("BOOK-1");
        assertThat(server.tracker.size()).isEqualTo(1);

        var queue = server.get("/api/loop/queue").json();
        assertThat(queue).hasSize(1);
        assertThat(queue.get(0).get("key").asText()).isEqualTo("BOOK-1");
        assertThat(queue.get(0).get("summary").asText()).startsWith("the calendar crashes");

        var page = server.get("/tickets/BOOK-1");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body()).contains("BOOK-1", "the calendar crashes on Safari", "<li>The calendar should open");

        var state = server.get("/api/pipeline/sessions/" + id).json();
        assertThat(state.get("state").asText()).isEqualTo("created");
        assertThat(state.get("ticket_key").asText()).isEqualTo("BOOK-1");
    }

    @Test
    void approvalOverridesAcceptOneCriterionPerLineAndRejectUnknownFields() {
        String id = server.postJson("/api/pipeline/run", run(CLEAR)).json().get("session_id").asText();
        var bad = server.postJson("/api/pipeline/approve",
                "{\"session_id\": \"" + id + "\", \"overrides\": {\"assignee\": \"bob\"}}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("field").asText()).isEqualTo("overrides.assignee");
        assertThat(bad.json().get("detail").asText()).contains("assignee");

        var badPriority = server.postJson("/api/pipeline/approve",
                "{\"session_id\": \"" + id + "\", \"overrides\": {\"priority\": \"whenever\"}}");
        assertThat(badPriority.status()).isEqualTo(400);
        assertThat(badPriority.json().get("field").asText()).isEqualTo("overrides.priority");
        assertThat(badPriority.json().get("detail").asText()).startsWith("overrides.priority");

        var ok = server.postJson("/api/pipeline/approve", "{\"session_id\": \"" + id + "\", \"overrides\": {"
                + "\"summary\": \"Calendar crashes on Safari 17\", \"priority\": \"highest\", "
                + "\"acceptance_criteria\": \"- opens on Safari\\n- no console errors\", \"labels\": [\"web ui\"], "
                + "\"project\": \"StoreIt\"}}");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.json().get("ticket_key").asText()).isEqualTo("STORE-1");
        var ticket = server.get("/api/tickets/STORE-1").json();
        assertThat(ticket.get("summary").asText()).isEqualTo("Calendar crashes on Safari 17");
        assertThat(ticket.get("priority").asText()).isEqualTo("Highest");
        assertThat(ticket.get("acceptance_criteria").asText()).isEqualTo("opens on Safari\nno console errors");
        assertThat(ticket.get("acceptance_criteria_items")).hasSize(2);
        assertThat(ticket.get("labels").get(0).asText()).isEqualTo("web-ui");
    }

    @Test
    void vagueRequestAsksAtMostThreeQuestionsThenPreviewsWithGaps() {
        var first = server.postJson("/api/pipeline/run", run("Fix the thing"));
        JsonNode q = first.json();
        assertThat(q.get("status").asText()).isEqualTo("clarification_needed");
        String id = q.get("session_id").asText();
        assertThat(q.get("round").asInt()).isEqualTo(1);
        assertThat(q.get("questions")).hasSize(1);
        assertThat(q.get("question").asText()).isEqualTo(q.get("questions").get(0).asText());
        assertThat(q.get("field").asText()).isEqualTo("project");
        assertThat(q.get("choices").toString()).contains("BookIt", "StoreIt");
        assertThat(q.get("ambiguity_score").isNumber()).isTrue();
        assertThat(q.has("partial_summary")).isTrue();

        JsonNode r2 = server.postJson("/api/pipeline/clarify",
                "{\"session_id\": \"" + id + "\", \"text\": \"not sure\"}").json();
        assertThat(r2.get("status").asText()).isEqualTo("clarification_needed");
        assertThat(r2.get("round").asInt()).isEqualTo(2);
        JsonNode r3 = server.postJson("/api/pipeline/clarify",
                "{\"session_id\": \"" + id + "\", \"text\": \"no idea\"}").json();
        assertThat(r3.get("round").asInt()).isEqualTo(3);
        JsonNode end = server.postJson("/api/pipeline/clarify",
                "{\"session_id\": \"" + id + "\", \"text\": \"still nothing\"}").json();
        assertThat(end.get("status").asText()).isEqualTo("preview_needed");
        assertThat(end.get("gaps").toString()).contains("project");
        assertThat(end.get("transcribed_text").asText())
                .isEqualTo("Fix the thing | not sure | no idea | still nothing");

        var noAnswerNeeded = server.postJson("/api/pipeline/clarify",
                "{\"session_id\": \"" + id + "\", \"text\": \"more\"}");
        assertThat(noAnswerNeeded.status()).isEqualTo(409);

        var cannotApproveWithoutProject = server.postJson("/api/pipeline/approve",
                "{\"session_id\": \"" + id + "\"}");
        assertThat(cannotApproveWithoutProject.status()).isEqualTo(400);
        assertThat(cannotApproveWithoutProject.json().get("field").asText()).isEqualTo("project");
    }

    @Test
    void answeringTheQuestionLeadsToPreview() {
        String id = server.postJson("/api/pipeline/run", run("The checkout button is broken"))
                .json().get("session_id").asText();
        JsonNode next = server.postJson("/api/pipeline/clarify",
                "{\"session_id\": \"" + id + "\", \"text\": \"StoreIt\"}").json();
        assertThat(next.get("status").asText()).isEqualTo("clarification_needed");
        assertThat(next.get("field").asText()).isEqualTo("acceptance_criteria");
        JsonNode preview = server.postJson("/api/pipeline/clarify",
                "{\"session_id\": \"" + id + "\", \"text\": \"Checkout should complete with a card\"}").json();
        assertThat(preview.get("status").asText()).isEqualTo("preview_needed");
        assertThat(preview.get("intent").get("project").asText()).isEqualTo("STORE");
        assertThat(preview.get("gaps")).isEmpty();
    }

    @Test
    void discardEndsTheSession() {
        String id = server.postJson("/api/pipeline/run", run(CLEAR)).json().get("session_id").asText();
        var d = server.postJson("/api/pipeline/discard", "{\"session_id\": \"" + id + "\"}");
        assertThat(d.status()).isEqualTo(200);
        assertThat(d.json().get("status").asText()).isEqualTo("discarded");
        assertThat(d.json().get("session_id").asText()).isEqualTo(id);
        assertThat(server.postJson("/api/pipeline/approve", "{\"session_id\": \"" + id + "\"}").status())
                .isEqualTo(409);
        assertThat(server.tracker.size()).isZero();
    }

    @Test
    void unknownAndExpiredSessions() {
        var unknown = server.postJson("/api/pipeline/clarify", "{\"session_id\": \"abcdefabcdef\", \"text\": \"x\"}");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("detail").asText()).contains("abcdefabcdef");
        assertThat(server.get("/api/pipeline/sessions/abcdefabcdef").status()).isEqualTo(404);
        assertThat(server.postJson("/api/pipeline/approve", "{}").json().get("field").asText())
                .isEqualTo("session_id");

        String id = server.postJson("/api/pipeline/run", run("Fix the thing")).json().get("session_id").asText();
        server.clock.advance(Duration.ofHours(1));
        var expired = server.postJson("/api/pipeline/clarify", "{\"session_id\": \"" + id + "\", \"text\": \"BookIt\"}");
        assertThat(expired.status()).isEqualTo(410);
        assertThat(expired.json().get("error").asText()).isEqualTo("gone");
    }

    @Test
    void emptyTextIs400NamingTheField() {
        var r = server.postJson("/api/pipeline/run", "{\"text\": \"   \"}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("field").asText()).isEqualTo("text");
        assertThat(r.json().get("detail").asText()).isEqualTo("text must not be empty");
        assertThat(server.postJson("/api/extract", "{\"text\": \"\"}").status()).isEqualTo(400);
    }

    @Test
    void extractReturnsTheOriginalsEightFieldsPlusOurs() {
        var r = server.postJson("/api/extract", run(CLEAR));
        assertThat(r.status()).isEqualTo(200);
        JsonNode x = r.json();
        for (String f : new String[] {"summary", "description", "acceptance_criteria", "issue_type", "priority",
                "ambiguity_score", "clarification_questions", "labels", "acceptance_criteria_items", "project",
                "confidence", "flags", "missing", "ambiguities"}) {
            assertThat(x.has(f)).as(f).isTrue();
        }
        assertThat(x.get("acceptance_criteria").isTextual()).isTrue();
        assertThat(x.get("issue_type").asText()).isEqualTo("Bug");
        assertThat(server.sessions.size()).as("extract starts no intake").isZero();

        JsonNode vague = server.postJson("/api/extract", run("Fix the thing")).json();
        assertThat(vague.get("issue_type").asText()).as("the original's default").isEqualTo("Story");
        assertThat(vague.get("priority").asText()).isEqualTo("Medium");
        assertThat(vague.get("missing").toString()).contains("issue_type");
    }

    @Test
    void audioRunsThroughTheSpeechEngine() {
        var r = server.postMultipart("/api/pipeline/run/audio", "audio", "clip.wav",
                CLEAR.getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("status").asText()).isEqualTo("preview_needed");
        assertThat(r.json().get("transcribed_text").asText()).isEqualTo(CLEAR);

        var t = server.postMultipart("/api/transcribe", "audio", "clip.wav", "hello there".getBytes());
        assertThat(t.status()).isEqualTo(200);
        assertThat(t.json().get("text").asText()).isEqualTo("hello there");
        assertThat(t.json().get("language").asText()).isEqualTo("en");
        assertThat(t.json().get("duration").isNumber()).isTrue();
        assertThat(t.json().has("confidence")).isTrue();

        var empty = server.postMultipart("/api/transcribe", "audio", "clip.wav", new byte[0]);
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().get("detail").asText()).isEqualTo("Empty audio file");

        var wrongField = server.postMultipart("/api/transcribe", "file", "clip.wav", "x".getBytes());
        assertThat(wrongField.status()).isEqualTo(400);
        assertThat(wrongField.json().get("field").asText()).isEqualTo("audio");

        var notMultipart = server.postJson("/api/pipeline/run/audio", "{}");
        assertThat(notMultipart.status()).isEqualTo(415);
    }

    @Test
    void anUnsureTranscriptIsShownAndConfirmedOrCorrectedBeforeExtraction() {
        var check = server.postMultipart("/api/pipeline/run/audio", "audio", "clip.wav",
                TextAsSpeech.heard("bug in book it the calendar crashes on safari", 0.45));
        assertThat(check.status()).as(check.body()).isEqualTo(200);
        JsonNode c = check.json();
        assertThat(c.get("status").asText()).isEqualTo("transcript_confirmation_needed");
        String id = c.get("session_id").asText();
        assertThat(c.get("transcribed_text").asText()).isEqualTo("bug in book it the calendar crashes on safari");
        assertThat(c.get("transcript").get("confidence").asDouble()).isEqualTo(0.45);
        assertThat(c.get("transcript").get("engine").asText()).isEqualTo("text-as-speech");
        assertThat(c.get("transcript").get("confirmation").asText()).isEqualTo("pending");
        assertThat(c.get("expires_at").asText()).isNotBlank();
        JsonNode waiting = server.get("/api/pipeline/sessions/" + id).json();
        assertThat(waiting.get("state").asText()).isEqualTo("confirming");
        assertThat(waiting.get("intent").isNull()).isTrue();

        var early = server.postJson("/api/pipeline/clarify", "{\"session_id\": \"" + id + "\", \"text\": \"x\"}");
        assertThat(early.status()).isEqualTo(409);
        assertThat(server.postJson("/api/pipeline/confirm", "{\"text\": \"x\"}").status()).isEqualTo(400);
        assertThat(server.postJson("/api/pipeline/confirm", "{\"session_id\": \"000000000000\"}").status())
                .isEqualTo(404);
        var tooLong = server.postJson("/api/pipeline/confirm", "{\"session_id\": \"" + id + "\", \"text\": \""
                + "a".repeat(10_001) + "\"}");
        assertThat(tooLong.status()).isEqualTo(413);
        var nul = server.postJson("/api/pipeline/confirm", "{\"session_id\": \"" + id + "\", \"text\": \"a\\u0000b\"}");
        assertThat(nul.status()).as(nul.body()).isEqualTo(400);
        assertThat(nul.json().get("field").asText()).isEqualTo("text");
        assertThat(server.get("/api/pipeline/sessions/" + id).json().get("state").asText()).isEqualTo("confirming");

        var corrected = server.postJson("/api/pipeline/confirm", "{\"session_id\": \"" + id + "\", \"text\": "
                + TestServer.JSON.valueToTree(CLEAR) + "}");
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
        JsonNode p = corrected.json();
        assertThat(p.get("status").asText()).isEqualTo("preview_needed");
        assertThat(p.get("transcribed_text").asText()).isEqualTo(CLEAR);
        assertThat(p.get("intent").get("priority").asText()).isEqualTo("High");
        assertThat(p.get("confidence").has("transcript")).as("the person vouched for the words").isFalse();
        JsonNode after = server.get("/api/pipeline/sessions/" + id).json();
        assertThat(after.get("transcript").get("confirmation").asText()).isEqualTo("corrected");
        assertThat(after.get("transcript").get("text").asText())
                .isEqualTo("bug in book it the calendar crashes on safari");
        assertThat(server.postJson("/api/pipeline/confirm", "{\"session_id\": \"" + id + "\"}").status())
                .isEqualTo(409);

        var sure = server.postMultipart("/api/pipeline/run/audio", "audio", "clip.wav", TextAsSpeech.heard(CLEAR, 0.8));
        assertThat(sure.json().get("status").asText()).isEqualTo("preview_needed");
        assertThat(sure.json().get("confidence").get("transcript").asDouble()).isEqualTo(0.8);
        sure.json().get("confidence").forEach(v -> assertThat(v.asDouble()).isLessThanOrEqualTo(0.8));
    }

    @Test
    void audioWithoutASpeechEngineIs503() {
        try (TestServer noSpeech = TestServer.start()) {
            var r = noSpeech.postMultipart("/api/pipeline/run/audio", "audio", "clip.wav", "hi".getBytes());
            assertThat(r.status()).isEqualTo(503);
            assertThat(r.json().get("detail").asText()).contains("speech engine");
        }
    }

    @Test
    void withApprovalOffTheTicketIsCreatedDirectly() {
        IntakeSettings direct = new IntakeSettings(false, 3, Duration.ofMinutes(30), Duration.ofHours(24), 0.6, true,
                null);
        try (TestServer s = TestServer.builder().intake(direct).start()) {
            JsonNode r = s.postJson("/api/pipeline/run", run(CLEAR)).json();
            assertThat(r.get("ticket_key").asText()).isEqualTo("BOOK-1");
            assertThat(r.get("ticket_url").asText()).endsWith("/tickets/BOOK-1");
            assertThat(r.has("status")).as("the original's ticket result has no status").isFalse();
        }
    }
}

package dev.voxloop.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voxloop.core.audio.AudioUpload;
import dev.voxloop.core.intent.TicketDraft;
import dev.voxloop.core.problem.Problem;
import dev.voxloop.core.transcript.EngineStatus;
import dev.voxloop.core.transcript.SpeechToText;
import dev.voxloop.core.transcript.Transcript;
import dev.voxloop.core.ticket.Project;
import dev.voxloop.core.ticket.Provenance;
import dev.voxloop.core.ticket.Ticket;
import dev.voxloop.core.ticket.TicketStatus;
import dev.voxloop.core.ticket.TicketTracker;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every error is JSON with a specific status, a detail and the field at fault; never a stack trace. */
class ErrorsHttpTest {

    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.builder().settings(s -> s.withLimits(4096, 512)).start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static void assertErrorBody(TestServer.Response r, int status) {
        assertThat(r.status()).isEqualTo(status);
        assertThat(r.header("Content-Type")).startsWith("application/json");
        var j = r.json();
        assertThat(j.get("error").isTextual()).isTrue();
        assertThat(j.get("detail").isTextual()).isTrue();
        assertThat(j.has("field")).isTrue();
        assertThat(r.body()).doesNotContain("Exception", "\tat ", "dev.voxloop.", "io.javalin.");
    }

    @Test
    void healthSaysDegradedWhileTheSpeechEngineIsBeingRebuilt() {
        SpeechToText rebuilding = new SpeechToText() {
            @Override
            public String name() {
                return "offline";
            }

            @Override
            public Transcript transcribe(AudioUpload audio) {
                throw Problem.unavailable("rebuilding");
            }

            @Override
            public EngineStatus status() {
                return new EngineStatus(EngineStatus.State.DEGRADED, "rebuilding a recogniser after a failure");
            }
        };
        try (TestServer s = TestServer.builder().speech(rebuilding).start()) {
            var h = s.get("/health").json();
            assertThat(h.get("status").asText()).isEqualTo("degraded");
            assertThat(h.get("speech_status").asText()).isEqualTo("degraded");
            assertThat(h.get("speech_detail").asText()).contains("rebuilding");
        }
        assertThat(server.get("/health").json().get("status").asText()).isEqualTo("ok");
    }

    @Test
    void healthHasTheOriginalsFieldsAndOurs() {
        var h = server.get("/health").json();
        assertThat(h.get("status").asText()).isEqualTo("ok");
        assertThat(h.get("whisper_model").asText()).isEqualTo("small");
        assertThat(h.get("ollama_model").asText()).isEqualTo("mistral:7b-instruct-q4_0");
        assertThat(h.get("jira_configured").isBoolean()).isTrue();
        assertThat(h.get("ws_connections").isInt()).isTrue();
        assertThat(h.get("intent_extractor").asText()).isEqualTo("keywords");
        assertThat(h.get("tracker").asText()).isEqualTo("memory");
        assertThat(h.has("speech_engine")).isTrue();
        assertThat(h.get("sandbox").get("backend").asText()).isEqualTo("none");
        assertThat(h.get("sandbox").get("isolated").asBoolean()).isFalse();
        assertThat(h.get("version").asText()).isEqualTo("test");
    }

    @Test
    void unknownRouteIs404Json() {
        var r = server.get("/api/nope");
        assertErrorBody(r, 404);
        assertThat(r.json().get("error").asText()).isEqualTo("not_found");
    }

    @Test
    void wrongMethodIs405Json() {
        assertErrorBody(server.get("/api/pipeline/run"), 405);
    }

    @Test
    void malformedJsonIs400WithThePosition() {
        var r = server.postJson("/api/pipeline/run", "{\"text\": \"abc\",,}");
        assertErrorBody(r, 400);
        assertThat(r.json().get("detail").asText()).contains("malformed JSON", "line 1", "column");
    }

    @Test
    void unknownKeyIs400NamingIt() {
        var r = server.postJson("/api/pipeline/run", "{\"text\": \"abc\", \"txet\": 1}");
        assertErrorBody(r, 400);
        assertThat(r.json().get("field").asText()).isEqualTo("txet");
        assertErrorBody(server.postJson("/api/pipeline/run", "{\"text\": \"abc\", \"text\": \"def\"}"), 400);
        assertErrorBody(server.postJson("/api/pipeline/run", "{\"text\": \"abc\"} trailing"), 400);
    }

    @Test
    void wrongTypeIs400NamingTheField() {
        var r = server.postJson("/api/loop/completed", "{\"key\": \"BOOK-1\", \"success\": \"True\"}");
        assertErrorBody(r, 400);
        assertThat(r.json().get("field").asText()).isEqualTo("success");
        var number = server.postJson("/api/pipeline/run", "{\"text\": 5}");
        assertErrorBody(number, 400);
        assertThat(number.json().get("field").asText()).isEqualTo("text");
        var labels = server.postJson("/api/pipeline/approve",
                "{\"session_id\": \"abcdefabcdef\", \"overrides\": {\"labels\": \"a\"}}");
        assertErrorBody(labels, 400);
        assertThat(labels.json().get("field").asText()).isEqualTo("overrides.labels");
        var notObject = server.postJson("/api/pipeline/run", "[1,2]");
        assertErrorBody(notObject, 400);
        var emptyBody = server.postJson("/api/pipeline/run", "");
        assertErrorBody(emptyBody, 400);
    }

    @Test
    void wrongContentTypeIs415() {
        var r = server.post("/api/pipeline/run", "{\"text\": \"abc\"}", "Content-Type", "text/plain");
        assertErrorBody(r, 415);
        assertErrorBody(server.post("/api/pipeline/run", "{\"text\": \"abc\"}"), 415);
    }

    @Test
    void tooLargeIs413() {
        String big = "{\"text\": \"" + "a".repeat(600) + "\"}";
        assertErrorBody(server.postJson("/api/pipeline/run", big), 413);
        byte[] audio = new byte[5000];
        assertErrorBody(server.postMultipart("/api/transcribe", "audio", "a.wav", audio), 413);
    }

    @Test
    void unexpectedFailureIs500WithAnErrorIdAndNoStackTrace() {
        TicketTracker broken = new TicketTracker() {
            public String name() {
                return "broken";
            }

            public List<Project> projects() {
                return List.of();
            }

            public Ticket create(TicketDraft d, Provenance p) {
                throw new IllegalStateException("secret internals at dev.voxloop.Something");
            }

            public Optional<Ticket> find(String key) {
                throw new IllegalStateException("secret internals at dev.voxloop.Something");
            }

            public List<Ticket> list(String projectKey, int limit) {
                throw new IllegalStateException("secret internals at dev.voxloop.Something");
            }

            public void comment(String key, String body) {
            }

            public void transition(String key, TicketStatus status) {
            }

            public String browseUrl(String key) {
                return "";
            }
        };
        try (TestServer s = TestServer.builder().tracker(t -> broken).start()) {
            var r = s.get("/api/tickets");
            assertErrorBody(r, 500);
            assertThat(r.json().get("error_id").asText()).matches("[0-9A-F]{12}");
            assertThat(r.json().get("detail").asText()).contains(r.json().get("error_id").asText());
            assertThat(r.body()).doesNotContain("secret internals", "IllegalState");
        }
    }

    @Test
    void badQueryParameterIs400() {
        var r = server.get("/api/tickets?limit=abc");
        assertErrorBody(r, 400);
        assertThat(r.json().get("field").asText()).isEqualTo("limit");
        assertErrorBody(server.get("/api/tickets?project=NOPE"), 400);
        assertErrorBody(server.get("/api/tickets/NOPE-1"), 404);
        assertErrorBody(server.get("/tickets/NOPE-1"), 404);
    }

    @Test
    void rootServesAPage() {
        var r = server.get("/");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("text/html");
        assertThat(r.body()).contains("voxloop");
    }
}

package dev.voxloop.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.WebSocketHandshakeException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** With VOXLOOP_API_TOKEN set, mutating endpoints and the streams need it; reads and the webhook do not. */
class SecurityHttpTest {

    static final String TOKEN = "tok-" + "x".repeat(20);
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.builder().settings(s -> s.withApiToken(TOKEN)).start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static final String BODY = "{\"text\": \"" + PipelineHttpTest.CLEAR + "\"}";

    @Test
    void postsNeedTheToken() {
        var none = server.postJson("/api/pipeline/run", BODY);
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.json().get("error").asText()).isEqualTo("unauthorized");
        assertThat(server.postJson("/api/pipeline/run", BODY, "Authorization", "Bearer wrong").status())
                .isEqualTo(401);
        assertThat(server.postJson("/api/pipeline/run?token=" + TOKEN, BODY).status())
                .as("query tokens are for streams only").isEqualTo(401);
        assertThat(server.postJson("/api/loop/started", "{\"key\": \"X-1\"}").status()).isEqualTo(401);
        assertThat(server.post("/api/loop/retry/X-1", "").status()).isEqualTo(401);
        assertThat(server.postMultipart("/api/transcribe", "audio", "a.wav", "x".getBytes()).status())
                .isEqualTo(401);

        assertThat(server.postJson("/api/pipeline/run", BODY, "Authorization", "Bearer " + TOKEN).status())
                .isEqualTo(200);
        assertThat(server.postJson("/api/pipeline/run", BODY, "X-API-Token", TOKEN).status()).isEqualTo(200);
    }

    @Test
    void aRefusalBeforeTheBodyIsReadClosesTheConnectionSoTheNextRequestIsAnswered() {
        // the 401 is decided before the body is read; the server then drops the connection, and a client that
        // reused it for the next request got no answer at all (found by the fuzz run)
        String big = "{\"message\": \"" + "\uD83D\uDE80".repeat(20_000) + "\"}";
        for (int i = 0; i < 5; i++) {
            var refused = server.postJson("/api/loop/runs/r1/instruct", big);
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.header("Connection")).as("said before closing").isEqualTo("close");
            assertThat(server.postJson("/api/pipeline/discard", "{\"session_id\": \"abc\"}", "X-API-Token", TOKEN)
                    .status()).isEqualTo(404);
        }
    }

    @Test
    void aReadThatCarriedABodyItNeverReadsSaysTheConnectionCloses() {
        String big = "{\"text\": \"" + "y".repeat(300_000) + "\"}";
        for (int i = 0; i < 5; i++) {
            var read = server.send(java.net.http.HttpRequest.newBuilder(server.uri("/api/loop/queue"))
                    .method("GET", java.net.http.HttpRequest.BodyPublishers.ofString(big)));
            assertThat(read.status()).isEqualTo(200);
            assertThat(read.header("Connection")).as("the unread body ends the connection").isEqualTo("close");
            assertThat(server.postJson("/api/pipeline/discard", "{\"session_id\": \"abc\"}", "X-API-Token", TOKEN)
                    .status()).isEqualTo(404);
        }
    }

    @Test
    void readsStayOpenAndTheWebhookIsRefusedWithoutASecret() {
        assertThat(server.get("/health").status()).isEqualTo(200);
        assertThat(server.get("/api/loop/queue").status()).isEqualTo(200);
        assertThat(server.get("/api/tickets").status()).isEqualTo(200);
        // a token but no webhook secret: an unsigned webhook would be the one open door, so it is shut
        var refused = server.postJson("/api/webhook/jira", "{\"webhookEvent\": \"jira:issue_created\", "
                + "\"issue\": {\"key\": \"BOOK-1\", \"fields\": {\"labels\": [\"VOICE_INITIATED\"]}}}");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("detail").asText()).contains("server.webhook_secret");
        assertThat(server.get("/api/loop/queue").json()).isEmpty();
    }

    @Test
    void websocketNeedsTheToken() {
        assertThatThrownBy(() -> WsProbe.connect(server, "/ws/status"))
                .isInstanceOf(CompletionException.class)
                .cause().isInstanceOf(WebSocketHandshakeException.class)
                .satisfies(e -> assertThat(((WebSocketHandshakeException) e).getResponse().statusCode())
                        .isEqualTo(401));
        assertThatThrownBy(() -> WsProbe.connect(server, "/ws/status?token=wrong"))
                .cause().isInstanceOf(WebSocketHandshakeException.class);
        assertThatThrownBy(() -> WsProbe.connect(server, "/api/events/ws"))
                .cause().isInstanceOf(WebSocketHandshakeException.class);
        try (WsProbe ws = WsProbe.connect(server, "/ws/status?token=" + TOKEN)) {
            assertThat(ws.next().get("snapshot").asBoolean()).isTrue();
        }
        try (WsProbe ws = WsProbe.connect(server, "/ws/status", "Authorization", "Bearer " + TOKEN)) {
            assertThat(ws.next().get("snapshot").asBoolean()).isTrue();
        }
    }

    @Test
    void eventStreamNeedsTheToken() {
        var r = server.get("/api/events");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().get("error").asText()).isEqualTo("unauthorized");
        try (SseProbe sse = new SseProbe(server, "/api/events?after=0&token=" + TOKEN)) {
            assertThat(sse.response.statusCode()).isEqualTo(200);
        }
    }
}

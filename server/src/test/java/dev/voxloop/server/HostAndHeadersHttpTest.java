package dev.voxloop.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Without a token the server answers only to its own names and origins (DNS rebinding, cross-site pages), every
 * page carries a content policy, and the small leaks stay closed.
 */
class HostAndHeadersHttpTest {

    static String raw(TestServer s, String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", s.server.port())) {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static String get(String path, String host, String origin) {
        return "GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\n" + (origin == null ? "" : "Origin: " + origin
                + "\r\n") + "Connection: close\r\n\r\n";
    }

    @Test
    void foreignHostsAndOriginsAreRefusedWithoutAToken() throws Exception {
        try (TestServer s = TestServer.builder().settings(x -> x.withAllowedHosts(List.of("voxloop.lan"))).start()) {
            int port = s.server.port();
            assertThat(raw(s, get("/api/tickets", "evil.example:" + port, null))).startsWith("HTTP/1.1 403");
            assertThat(raw(s, get("/api/tickets", "localhost:" + port, null))).startsWith("HTTP/1.1 200");
            assertThat(raw(s, get("/api/tickets", "127.0.0.1:" + port, null))).startsWith("HTTP/1.1 200");
            assertThat(raw(s, get("/api/tickets", "voxloop.lan:" + port, null))).startsWith("HTTP/1.1 200");
            assertThat(raw(s, get("/api/tickets", "localhost:" + port, "http://localhost:" + port)))
                    .startsWith("HTTP/1.1 200");
            assertThat(raw(s, get("/api/tickets", "localhost:" + port, "https://evil.example")))
                    .startsWith("HTTP/1.1 403");
            assertThat(s.postJson("/api/pipeline/run", "{\"text\": \"" + PipelineHttpTest.CLEAR + "\"}", "Origin",
                    "https://evil.example").status()).isEqualTo(403);
            assertThat(s.sessions.recent(5)).isEmpty();
            assertThatThrownBy(() -> WsProbe.connect(s, "/api/events/ws", "Origin", "https://evil.example"))
                    .cause().isInstanceOf(WebSocketHandshakeException.class)
                    .satisfies(e -> assertThat(((WebSocketHandshakeException) e).getResponse().statusCode())
                            .isEqualTo(403));
            assertThatThrownBy(() -> WsProbe.connect(s, "/ws/status", "Origin", "http://evil.example"))
                    .cause().isInstanceOf(WebSocketHandshakeException.class);
            try (WsProbe ok = WsProbe.connect(s, "/ws/status", "Origin", "http://127.0.0.1:" + port)) {
                assertThat(ok.next().get("snapshot").asBoolean()).isTrue();
            }
        }
        try (TestServer s = TestServer.builder().settings(x -> x.withApiToken("tok")).start()) {
            assertThat(raw(s, get("/api/tickets", "anything.example", null))).as("the token is the check")
                    .startsWith("HTTP/1.1 200");
        }
    }

    @Test
    void pagesCarryAContentPolicyAndTheSmallLeaksAreClosed() throws Exception {
        try (TestServer s = TestServer.start()) {
            s.fileTickets("BOOK", 1);
            for (String path : List.of("/", "/tickets/BOOK-1", "/api/tickets")) {
                var r = s.get(path);
                assertThat(r.status()).isEqualTo(200);
                assertThat(r.header("Content-Security-Policy")).contains("frame-ancestors 'none'", "script-src 'self'");
                assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
                assertThat(r.header("X-Frame-Options")).isEqualToIgnoringCase("DENY");
            }
            var head = s.send(HttpRequest.newBuilder(s.uri("/tickets/NOPE-1")).method("HEAD",
                    HttpRequest.BodyPublishers.noBody()));
            assertThat(head.status()).isEqualTo(404);
            assertThat(s.send(HttpRequest.newBuilder(s.uri("/api/tickets/NOPE-1")).method("HEAD",
                    HttpRequest.BodyPublishers.noBody())).status()).isEqualTo(404);

            s.queue.enqueue("BOOK-1", "x");
            var overridden = s.get("/api/loop/retry/BOOK-1", "X-HTTP-Method-Override", "POST");
            assertThat(overridden.status()).as("a GET stays a GET").isEqualTo(405);

            String deep = "[".repeat(5000) + "]".repeat(5000);
            var nested = s.postJson("/api/pipeline/run", deep);
            assertThat(nested.status()).isEqualTo(400);
            assertThat(nested.body()).doesNotContain("StreamReadConstraints", "getMaxNestingDepth", "com.fasterxml");
            var longName = s.postJson("/api/pipeline/run", "{\"" + "k".repeat(60_000) + "\": 1}");
            assertThat(longName.status()).isEqualTo(400);
            assertThat(longName.body()).doesNotContain("Constraints", "()");
        }
    }
}

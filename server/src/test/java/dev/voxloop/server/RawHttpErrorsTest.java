package dev.voxloop.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Requests Jetty refuses before routing still get the JSON error shape, not an HTML page. */
class RawHttpErrorsTest {

    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static String raw(String request) throws IOException {
        try (Socket s = new Socket("127.0.0.1", server.server.port())) {
            s.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static void assertJsonError(String response, int status) {
        assertThat(response).startsWith("HTTP/1.1 " + status);
        assertThat(response.toLowerCase()).contains("content-type: application/json");
        assertThat(response).contains("\"error\":", "\"detail\":", "\"field\":null").doesNotContain("<html");
    }

    @Test
    void undecodableUri() throws IOException {
        assertJsonError(raw("GET /%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"), 400);
    }

    @Test
    void badContentLength() throws IOException {
        assertJsonError(raw("POST /api/pipeline/run HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Content-Length: abc\r\nConnection: close\r\n\r\n{}"), 400);
    }

    @Test
    void uriTooLong() throws IOException {
        assertJsonError(raw("GET /" + "a".repeat(10_000) + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"), 414);
    }
}

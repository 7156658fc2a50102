package dev.voxloop.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Requests Jetty refuses before routing still get the JSON error shape, not an HTML page. And which answers keep the
 * connection for the client's next request: a request without a body leaves nothing unread and keeps its connection
 * (success or error alike); a request Jetty refuses while reading it says {@code Connection: close}, since Jetty
 * closes the connection after it and a next request sent down it would get no answer at all.
 */
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

    @ParameterizedTest
    @ValueSource(strings = {"/health", "/no/such/endpoint", "/api/tickets/NOPE-1"})
    void aRequestWithoutABodyKeepsItsConnection(String path) throws IOException {
        try (Socket s = new Socket("127.0.0.1", server.server.port())) {
            s.setSoTimeout(10_000);
            String first = exchange(s, "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
            assertThat(first.toLowerCase(Locale.ROOT)).doesNotContain("connection: close");
            String second = exchange(s, "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
            assertThat(second).startsWith("HTTP/1.1 200");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/%00", "/api/tickets/a%00b", "/api/tickets/%zz", "/../health"})
    void aRequestJettyRefusesSaysTheConnectionCloses(String path) throws IOException {
        try (Socket s = new Socket("127.0.0.1", server.server.port())) {
            s.setSoTimeout(10_000);
            String answer = exchange(s, "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
            assertThat(answer).startsWith("HTTP/1.1 400");
            assertThat(answer.toLowerCase(Locale.ROOT)).contains("connection: close");
            assertThat(answer).contains("\"error\":\"invalid_request\"");
        }
    }

    @Test
    void anOldUtf16EscapeInThePathIsABadRequestNotAServerError() throws IOException {
        try (Socket s = new Socket("127.0.0.1", server.server.port())) {
            s.setSoTimeout(10_000);
            String answer = exchange(s, "GET /api/tickets/%u0041 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
            assertThat(answer).startsWith("HTTP/1.1 400");
            assertThat(answer).contains("\"error\":\"invalid_request\"", "percent-encoding");
            assertThat(exchange(s, "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")).startsWith("HTTP/1.1 200");
        }
    }

    /** Sends one request and reads exactly one answer (headers and a Content-Length body), leaving the socket open. */
    static String exchange(Socket s, String request) throws IOException {
        s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
        s.getOutputStream().flush();
        InputStream in = s.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                return head.size() == 0 ? "(connection closed, no answer)" : head.toString(StandardCharsets.ISO_8859_1);
            }
            head.write(b);
        }
        String headers = head.toString(StandardCharsets.ISO_8859_1);
        int length = 0;
        for (String line : headers.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).strip());
            }
        }
        return headers + new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }
}

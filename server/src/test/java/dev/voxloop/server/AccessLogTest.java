package dev.voxloop.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Request logging names method, path, status and time, and never a token, query string or body. */
class AccessLogTest {

    @Test
    void logsRequestsWithoutSecrets() throws Exception {
        String token = "very-secret-token-123";
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (TestServer s = TestServer.builder().settings(x -> x.withApiToken(token)).start()) {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            s.postJson("/api/pipeline/run", "{\"text\": \"the body text is private\"}", "Authorization",
                    "Bearer " + token);
            s.get("/api/tickets?token=" + token);
            try (WsProbe ws = WsProbe.connect(s, "/ws/status?token=" + token)) {
                ws.next();
            }
            Thread.sleep(200);
        } finally {
            System.setErr(original);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertThat(log).contains("POST /api/pipeline/run 200", "GET /api/tickets 200");
        assertThat(log).doesNotContain(token, "private");
    }
}

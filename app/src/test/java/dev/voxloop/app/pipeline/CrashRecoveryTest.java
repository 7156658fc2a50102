package dev.voxloop.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Foundation's done-when: kill -9 between preview and approve, restart, approve: exactly one ticket. */
class CrashRecoveryTest {

    @TempDir
    Path data;

    @Test
    void sessionSurvivesKillNineAndApprovalFilesExactlyOnce() throws Exception {
        String sessionId;
        try (ServerProcess first = ServerProcess.start(data, Map.of())) {
            Http http = new Http(first.url());
            Http.Response run = http.post("/api/pipeline/run",
                    "{\"text\":\"Create a high priority bug in BookIt: the calendar crashes on Safari\"}");
            assertThat(run.status()).as(run.body()).isEqualTo(200);
            assertThat(run.json().path("status").asText()).isEqualTo("preview_needed");
            sessionId = run.json().path("session_id").asText();
            first.kill();
        }
        try (ServerProcess second = ServerProcess.start(data, Map.of())) {
            Http http = new Http(second.url());
            Http.Response approve = http.postJson("/api/pipeline/approve", Map.of("session_id", sessionId));
            assertThat(approve.status()).as(approve.body()).isEqualTo(200);
            String key = approve.json().path("ticket_key").asText();
            assertThat(key).startsWith("BOOK-");

            Http.Response again = http.postJson("/api/pipeline/approve", Map.of("session_id", sessionId));
            assertThat(again.json().path("ticket_key").asText()).isEqualTo(key);

            JsonNode tickets = http.get("/api/tickets?project=BOOK").json();
            JsonNode list = tickets.isArray() ? tickets : tickets.path("tickets");
            assertThat(list.size()).isEqualTo(1);
        }
    }
}

package dev.voxloop.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.voxloop.core.testing.WordOverlapDuplicates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The preview JSON names the open tickets the draft seems to repeat ({@code likely_duplicates}: key, summary,
 * similarity rounded for people), also when the session is read back later; the person can still file.
 */
class LikelyDuplicatesHttpTest {

    TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.builder().duplicates(new WordOverlapDuplicates(0.5)).start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void thePreviewNamesTheLikelyDuplicateAndApprovingStillFiles() {
        String first = "{\"text\": \"Bug in BookIt: the calendar crashes on Safari. It should open.\"}";
        String id = server.postJson("/api/pipeline/run", first).json().get("session_id").asText();
        JsonNode filed = server.postJson("/api/pipeline/approve", "{\"session_id\": \"" + id + "\"}").json();
        assertThat(filed.get("ticket_key").asText()).isEqualTo("BOOK-1");

        JsonNode p = server.postJson("/api/pipeline/run",
                "{\"text\": \"Bug in BookIt: the calendar crashes on Safari again. It should open.\"}").json();
        assertThat(p.get("status").asText()).isEqualTo("preview_needed");
        JsonNode dup = p.get("likely_duplicates");
        assertThat(dup).hasSize(1);
        assertThat(dup.get(0).get("key").asText()).isEqualTo("BOOK-1");
        assertThat(dup.get(0).get("summary").asText()).startsWith("the calendar crashes on Safari");
        double similarity = dup.get(0).get("similarity").asDouble();
        assertThat(similarity).isBetween(0.5, 1.0);
        assertThat(similarity * 100).as("two decimals").isEqualTo(Math.rint(similarity * 100));

        String second = p.get("session_id").asText();
        JsonNode session = server.get("/api/pipeline/sessions/" + second).json();
        assertThat(session.get("likely_duplicates").get(0).get("key").asText()).isEqualTo("BOOK-1");

        JsonNode other = server.postJson("/api/pipeline/run",
                "{\"text\": \"Add a story to StoreIt: a wishlist for customers. It should keep items.\"}").json();
        assertThat(other.get("likely_duplicates")).isEmpty();

        JsonNode again = server.postJson("/api/pipeline/approve", "{\"session_id\": \"" + second + "\"}").json();
        assertThat(again.get("ticket_key").asText()).isEqualTo("BOOK-2");
    }
}

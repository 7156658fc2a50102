package dev.voxloop.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The schema-driven fuzz run ({@link ApiFuzz}) against the composed server on H2 (API token and both webhook
 * secrets set, a hosted repository, tickets and sessions made before the run), for {@link #seconds()} seconds:
 * a short run in the main suite; {@code ApiFuzzSlowTest} (-Pslow) runs a minute. {@code -Dvoxloop.fuzz.seed=N}
 * replays a run's request shapes, {@code -Dvoxloop.fuzz.seconds=N} changes its length. The figures are printed.
 */
class ApiFuzzTest {

    static final String TOKEN = "fuzz-token";
    static final List<String> TEXTS = List.of(
            "Create a high priority bug in BookIt: the calendar crashes on Safari. The calendar should open on Safari 17",
            "Add dark mode to StoreIt. The settings page should offer a dark theme",
            "Bug in BookIt: the export button does nothing. Clicking export should download a CSV",
            "fix it");

    @TempDir
    Path dir;

    long seconds() {
        return Long.getLong("voxloop.fuzz.seconds", 8);
    }

    @Test
    void everyOperationSurvivesGeneratedRequests() throws Exception {
        long seed = Long.getLong("voxloop.fuzz.seed", System.nanoTime());
        try (TestServer s = new TestServer(dir.resolve("data"), TestServer.config(Map.of("speech.engine", "none",
                "server.api_token", TOKEN, "server.webhook_secret", "fuzz-jira", "github.webhook_secret", "fuzz-gh",
                "loop.workers", 0)))) {
            JsonNode doc = s.http.get("/openapi.json").json();
            ApiFuzz fuzz = new ApiFuzz(s.running.url(), doc);
            String repo = hostRepository(s);
            acceptBeforeTheRun(s, fuzz);
            List<String> keys = new ArrayList<>(fuzz.tickets);
            Map<String, Supplier<List<String>>> known = Map.of(
                    "id", () -> List.copyOf(fuzz.sessions),
                    "key", () -> List.copyOf(fuzz.tickets.isEmpty() ? keys : fuzz.tickets),
                    "name", () -> List.of(repo),
                    "repository", () -> List.of(repo),
                    "n", () -> List.of("1", "2"));
            ApiFuzz.Figures f = fuzz.run(seed, Duration.ofSeconds(seconds()), TOKEN, known,
                    Map.of("X-Hub-Signature", "fuzz-jira", "X-Hub-Signature-256", "fuzz-gh"));
            System.out.println("FUZZ " + f.summary());
            assertThat(fuzz.failures).as("fuzz seed %d (replay: -Dvoxloop.fuzz.seed=%d)", seed, seed).isEmpty();
            assertThat(f.fiveHundreds()).isZero();
            assertThat(f.tried()).isGreaterThan(seconds() * 5);
            assertThat(f.byOperation().keySet()).as("operations tried").hasSizeGreaterThan(20);
        }
    }

    /** Sessions at each stage and filed tickets, so the run has something to lose. */
    static void acceptBeforeTheRun(TestServer s, ApiFuzz fuzz) {
        for (String text : TEXTS) {
            Http.Response r = s.http.post("/api/pipeline/run", Http.JSON.createObjectNode().put("text", text)
                    .toString(), "Authorization", "Bearer " + TOKEN);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            String id = r.json().path("session_id").asText();
            fuzz.sessions.add(id);
            if ("preview_needed".equals(r.json().path("status").asText())) {
                Http.Response filed = s.http.post("/api/pipeline/approve", "{\"session_id\":\"" + id + "\"}",
                        "Authorization", "Bearer " + TOKEN);
                assertThat(filed.status()).as(filed.body()).isEqualTo(200);
                fuzz.tickets.add(filed.json().path("ticket_key").asText());
            }
        }
        assertThat(fuzz.tickets).isNotEmpty();
    }

    /** A repository with one commit, hosted by the built-in forge through the API. */
    String hostRepository(TestServer s) throws Exception {
        Path source = dir.resolve("source");
        try (Git git = Git.init().setDirectory(source.toFile()).setInitialBranch("main").call()) {
            Files.writeString(source.resolve("README.md"), "fuzz\n");
            git.add().addFilepattern(".").call();
            git.commit().setMessage("first").setAuthor("fuzz", "fuzz@example.com")
                    .setCommitter("fuzz", "fuzz@example.com").setSign(false).call();
        }
        Http.Response r = s.http.post("/api/repos/import", Http.JSON.createObjectNode().put("source",
                source.toString()).put("name", "fuzzrepo").toString(), "Authorization", "Bearer " + TOKEN);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return "fuzzrepo";
    }
}

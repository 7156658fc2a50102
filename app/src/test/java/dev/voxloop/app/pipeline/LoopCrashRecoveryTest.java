package dev.voxloop.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of a server whose worker is in the middle of an agent turn, then a restart on the same data: the lease
 * lapses, the new worker resumes the same persisted run from ITERATING and pushes the branch, with the ticket told
 * once that work started and once that it was pushed.
 */
@Tag("slow")
class LoopCrashRecoveryTest {

    @TempDir
    Path tmp;

    @Test
    void aRunKilledMidTurnIsResumedByTheNextWorkerAndPushedOnce() throws Exception {
        Path origin = BookItOrigin.create(tmp);
        // The agent runs in the sandbox: it sees the workspace and its own home (kept per run), not this test's
        // files. The first turn leaves a mark in that home and hangs (the test kills the server then); the next
        // turn of the same run finds the mark and does the work.
        String agent = """
                if [ ! -f "$HOME/first-turn-started" ]; then touch "$HOME/first-turn-started"; sleep 120; exit 1; fi
                echo yes > done.txt
                sed -i 's/- \\[ \\] /- [x] /' CURRENT_TASK.md
                echo "wrote done.txt and ticked the criteria"
                """;
        Path config = tmp.resolve("voxloop.yaml");
        Files.writeString(config, """
                pipeline: { require_approval: false }
                loop:
                  lease: 2s
                  poll_interval: 200ms
                  install_git_hooks: false
                  projects:
                    BOOK: { repo: "%s", test: "test -f done.txt", agent: command, agent_command: [sh, -c, %s] }
                """.formatted(origin, BookItOrigin.yamlString(agent)));
        Path data = tmp.resolve("data");
        Map<String, String> env = Map.of();
        String runId;
        try (ServerProcess first = ServerProcess.start(data, env, "--config", config.toString(), "--workers", "1")) {
            Http http = new Http(first.url());
            Http.Response filed = http.post("/api/pipeline/run", "{\"text\":\"Create a high priority bug in BookIt:"
                    + " the calendar crashes on Safari\"}");
            assertThat(filed.status()).as(filed.body()).isEqualTo(200);
            waitFor(() -> firstTurnMark(data), "the first agent turn to start");
            JsonNode run = onlyRun(http);
            assertThat(run.path("state").asText()).isEqualTo("ITERATING");
            runId = run.path("run_id").asText();
            first.killWithChildren();
        }
        try (ServerProcess second = ServerProcess.start(data, env, "--config", config.toString(), "--workers", "1")) {
            Http http = new Http(second.url());
            JsonNode run = waitFor(() -> onlyRun(http), r -> r.path("state").asText().equals("PUSHED"),
                    "the resumed run to be pushed");
            assertThat(run.path("run_id").asText()).isEqualTo(runId);
            assertThat(run.path("iterations").asInt()).isEqualTo(1);
            assertThat(run.path("failure").isNull()).isTrue();
            String key = run.path("ticket_key").asText();
            List<String> comments = new ArrayList<>();
            http.get("/api/tickets/" + key).json().path("comments").forEach(c -> comments.add(c.path("body").asText()));
            assertThat(comments).filteredOn(c -> c.startsWith("voxloop started work")).hasSize(1);
            assertThat(comments).filteredOn(c -> c.startsWith("voxloop pushed")).hasSize(1);
            assertThat(BookItOrigin.git(origin, "ls-tree", "--name-only", run.path("branch").asText())).contains("done.txt");
        }
    }

    /** Whether the first turn has left its mark in its run's home, somewhere under the data directory. */
    private static boolean firstTurnMark(Path data) throws IOException {
        if (!Files.isDirectory(data)) {
            return false;
        }
        try (var files = Files.walk(data)) {
            return files.anyMatch(f -> f.getFileName().toString().equals("first-turn-started"));
        }
    }

    private static JsonNode onlyRun(Http http) {
        JsonNode runs = http.get("/api/loop/runs").json().path("runs");
        assertThat(runs).hasSize(1);
        return runs.get(0);
    }

    private static void waitFor(Check check, String what) throws Exception {
        waitFor(() -> check.ok() ? Boolean.TRUE : null, r -> r != null, what);
    }

    private static <T> T waitFor(Source<T> source, Predicate<T> done, String what) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        T last = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                last = source.get();
                if (done.test(last)) {
                    return last;
                }
            } catch (AssertionError | RuntimeException e) {
                // not there yet (no run listed, server still starting): look again
            }
            Thread.sleep(250);
        }
        throw new AssertionError("timed out waiting for " + what + "; last seen: " + last);
    }

    private interface Check {
        boolean ok() throws Exception;
    }

    private interface Source<T> {
        T get() throws Exception;
    }
}

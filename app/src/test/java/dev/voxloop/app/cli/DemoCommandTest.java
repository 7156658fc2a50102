package dev.voxloop.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.voxloop.app.AgentSandbox;
import dev.voxloop.app.Forges;
import dev.voxloop.core.config.ConfigTree;
import dev.voxloop.core.event.EventBus;
import dev.voxloop.forge.ForgeSettings;
import dev.voxloop.loop.LoopSettings;
import dev.voxloop.loop.agent.ModelConnector;
import dev.voxloop.app.demo.DemoRun;
import dev.voxloop.loop.workspace.Git;
import dev.voxloop.loop.workspace.RunSandbox;
import dev.voxloop.store.Database;
import dev.voxloop.store.StoreSettings;
import dev.voxloop.store.event.JdbiEventLog;
import dev.voxloop.store.loop.JdbiLoopRunRepository;
import dev.voxloop.store.queue.JdbiLoopQueue;
import dev.voxloop.store.ticket.BuiltinTracker;
import dev.voxloop.store.ticket.TrackerProjects;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import dev.voxloop.forge.review.BuiltinReviewer;
import dev.voxloop.loop.review.ReviewGate;
import dev.voxloop.loop.review.ReviewPolicy;
import dev.voxloop.store.review.JdbiReviewLog;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * voxloop demo wired the way the app wires it: embedded H2 store, built-in tracker, durable queue and events, the
 * built-in forge with its CI.
 */
class DemoCommandTest {

    @TempDir
    Path tmp;

    @Test
    @Tag("slow")
    void theDemoEndsMergedAfterOneHealingRoundAndOneReviewFixWithOneSquashedCommit() throws Exception {
        try (Database db = Database.open(StoreSettings.embedded(tmp.resolve("data")))) {
            Clock clock = Clock.systemUTC();
            BuiltinTracker tracker = new BuiltinTracker(db, TrackerProjects.from(ConfigTree.empty()),
                    "http://127.0.0.1:8000", clock);
            JdbiLoopRunRepository runs = new JdbiLoopRunRepository(db.jdbi());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            EventBus events = new EventBus(new JdbiEventLog(db, 10_000));
            JdbiReviewLog reviews = new JdbiReviewLog(db, clock);
            RunSandbox sandbox = AgentSandbox.from(ConfigTree.empty(), tmp.resolve("data"), events::publish, clock);
            try (Forges forges = new Forges(ForgeSettings.from(ConfigTree.empty(), tmp.resolve("data")), db,
                    () -> "http://127.0.0.1:8000", () -> LoopSettings.from(ConfigTree.empty(), tmp), sandbox, clock)) {
                DemoCommand cmd = new DemoCommand(() -> new DemoRun(tracker, new JdbiLoopQueue(db, clock), events,
                        runs, clock, Map.of(), ModelConnector.NONE, sandbox, origin -> forges.host(origin, "trackit"))
                        .reviewedBy(new ReviewGate(List.of(BuiltinReviewer.standard()), reviews, tracker, null, events,
                                key -> ReviewPolicy.DEFAULT, clock), reviews),
                        new PrintStream(out, true, StandardCharsets.UTF_8));

                int exit = new CommandLine(cmd).execute("--dir", tmp.resolve("demo").toString(), "--json");

                JsonNode result = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
                System.out.println("demo --json: " + result); // the timings are the forge figures' raw data
                assertThat(exit).as(result.toString()).isZero();
                assertThat(result.path("state").asText()).isEqualTo("MERGED");
                assertThat(result.path("ticket_status").asText()).isEqualTo("Done");
                assertThat(result.path("heal_rounds").asInt()).isEqualTo(1);
                String merge = result.path("pull_request").path("merge_commit").asText();
                assertThat(result.path("pull_request").path("number").asInt()).isEqualTo(1);
                assertThat(result.path("pull_request").path("url").asText()).endsWith("/repos/trackit/pulls/1");

                Git origin = new Git(Path.of(result.path("repository").asText()));
                assertThat(origin.run("rev-parse", "main").strip()).isEqualTo(merge);
                assertThat(origin.run("log", "--format=%s", "main").strip().lines().toList()).containsExactly(
                        "TRACK-1: Add Swedish VAT (moms) to invoices (#1)",
                        "TRACK-0: TrackIt time tracking in whole öre");
                assertThat(origin.run("branch", "--list").strip()).isEqualTo("* main");
                String key = result.path("ticket").asText();
                assertThat(tracker.find(key).orElseThrow().comments()).anyMatch(c -> c.body().contains(merge)
                        && c.body().contains("/repos/trackit/pulls/1"));
                assertThat(runs.turns(runs.list(1).get(0).id())).hasSize(5);

                // the first review asks for the debugging print to go, the fix turn removes it, the second approves
                JsonNode kept = result.path("reviews");
                assertThat(kept).hasSize(2);
                assertThat(kept.get(0).path("verdict").asText()).isEqualTo("REQUEST_CHANGES");
                assertThat(kept.get(0).path("findings")).singleElement().satisfies(f -> {
                    assertThat(f.path("category").asText()).isEqualTo("debug-leftover");
                    assertThat(f.path("path").asText()).isEqualTo("src/main/java/se/trackit/VatRate.java");
                });
                assertThat(kept.get(1).path("verdict").asText()).isEqualTo("APPROVE");
                assertThat(kept.get(1).path("round").asInt()).isEqualTo(2);
                List<String> steps = new ObjectMapper().convertValue(result.path("steps"),
                        new com.fasterxml.jackson.core.type.TypeReference<List<String>>() { });
                int requested = steps.indexOf("review round 1: REQUEST_CHANGES (1 blocking)");
                int approved = steps.indexOf("review round 2: APPROVE");
                assertThat(requested).as(steps.toString()).isNotNegative();
                assertThat(steps.subList(requested, approved)).as(steps.toString()).contains("agent turn 5");
                assertThat(steps.get(steps.size() - 1)).as(steps.toString()).startsWith("merged ");
                assertThat(origin.run("show", "main:src/main/java/se/trackit/VatRate.java")).doesNotContain("System.out");
                String body = forges.forge().pullRequest("trackit", 1).body();
                assertThat(body).contains("## Traceability").contains("VatTest.testReducedRates")
                        .doesNotContain("no test named").doesNotContain("not run");
                assertThat(forges.forge().checks("trackit", runs.list(1).get(0).forge().head()))
                        .allMatch(c -> c.passed());
            }
        }
    }
}

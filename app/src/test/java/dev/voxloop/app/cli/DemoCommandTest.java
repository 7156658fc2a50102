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
import java.util.Map;
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
    void theDemoEndsMergedAfterOneHealingRoundWithOneSquashedCommit() throws Exception {
        try (Database db = Database.open(StoreSettings.embedded(tmp.resolve("data")))) {
            Clock clock = Clock.systemUTC();
            BuiltinTracker tracker = new BuiltinTracker(db, TrackerProjects.from(ConfigTree.empty()),
                    "http://127.0.0.1:8000", clock);
            JdbiLoopRunRepository runs = new JdbiLoopRunRepository(db.jdbi());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            EventBus events = new EventBus(new JdbiEventLog(db, 10_000));
            RunSandbox sandbox = AgentSandbox.from(ConfigTree.empty(), tmp.resolve("data"), events::publish, clock);
            try (Forges forges = new Forges(ForgeSettings.from(ConfigTree.empty(), tmp.resolve("data")), db,
                    () -> "http://127.0.0.1:8000", () -> LoopSettings.from(ConfigTree.empty(), tmp), sandbox, clock)) {
                DemoCommand cmd = new DemoCommand(() -> new DemoRun(tracker, new JdbiLoopQueue(db, clock), events,
                        runs, clock, Map.of(), ModelConnector.NONE, sandbox, origin -> forges.host(origin, "trackit")),
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
                assertThat(runs.turns(runs.list(1).get(0).id())).hasSize(4);
                assertThat(forges.forge().checks("trackit", runs.list(1).get(0).forge().head()))
                        .allMatch(c -> c.passed());
            }
        }
    }
}

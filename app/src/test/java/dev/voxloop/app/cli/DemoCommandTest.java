package dev.voxloop.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voxloop.app.AgentSandbox;
import dev.voxloop.app.demo.DemoRun;
import dev.voxloop.core.config.ConfigTree;
import dev.voxloop.core.event.EventBus;
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
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** voxloop demo wired the way the app wires it: embedded H2 store, built-in tracker, durable queue and events. */
class DemoCommandTest {

    @TempDir
    Path tmp;

    @Test
    @Tag("slow")
    void theDemoEndsWithAPushedBranchAndACommentLinkingIt() {
        try (Database db = Database.open(StoreSettings.embedded(tmp.resolve("data")))) {
            Clock clock = Clock.systemUTC();
            BuiltinTracker tracker = new BuiltinTracker(db, TrackerProjects.from(ConfigTree.empty()),
                    "http://127.0.0.1:8000", clock);
            JdbiLoopRunRepository runs = new JdbiLoopRunRepository(db.jdbi());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            EventBus events = new EventBus(new JdbiEventLog(db, 10_000));
            DemoCommand cmd = new DemoCommand(() -> new DemoRun(tracker, new JdbiLoopQueue(db, clock), events, runs,
                    clock, AgentSandbox.from(ConfigTree.empty(), tmp.resolve("data"), events::publish, clock)),
                    new PrintStream(out, true, StandardCharsets.UTF_8));

            int exit = new CommandLine(cmd).execute("--dir", tmp.resolve("demo").toString());

            String printed = out.toString(StandardCharsets.UTF_8);
            System.out.println(printed);
            assertThat(exit).isZero();
            assertThat(printed).contains("(RED)").contains("(GREEN)").contains("ended PUSHED")
                    .contains("agent turns and gates run in the sandbox: bubblewrap");
            String key = runs.list(1).get(0).ticketKey();
            assertThat(tracker.find(key).orElseThrow().comments()).anyMatch(c -> c.body().contains("voxloop pushed"
                    + " branch `feature/" + key + "-add-swedish-vat-moms-to-invoices`"));
            assertThat(runs.turns(runs.list(1).get(0).id())).hasSize(3);
        }
    }
}

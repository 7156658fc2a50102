package dev.voxloop.app.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voxloop.app.AgentSandbox;
import dev.voxloop.app.AgentModels;
import dev.voxloop.app.cli.DemoCommand;
import dev.voxloop.app.demo.DemoRun;
import dev.voxloop.app.demo.TrackItSample;
import dev.voxloop.core.config.ConfigTree;
import dev.voxloop.core.event.EventBus;
import dev.voxloop.peers.ReplayConversation;
import dev.voxloop.peers.Step;
import dev.voxloop.peers.openai.ChatCompletionsPeer;
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
 * {@code voxloop demo --agent builtin} as the app wires it (H2 store, built-in tracker), the model an
 * OpenAI-compatible peer reached through {@code OPENAI_BASE_URL} that speaks the demo's replay script in the built-in
 * agent's two tools.
 */
class BuiltinDemoTest {

    @TempDir
    Path tmp;

    @Test
    @Tag("slow")
    void theBuiltInAgentTakesTheDemoTicketToAPushedBranch() {
        Path script = tmp.resolve("conversation.json");
        TrackItSample.writeScript(script);
        try (Database db = Database.open(StoreSettings.embedded(tmp.resolve("data")));
             ChatCompletionsPeer peer = ChatCompletionsPeer.start()) {
            peer.script(ReplayConversation.of(script, ReplayConversation.Dialect.BUILTIN, "sh run-tests.sh", false)
                    .toArray(Step[]::new));
            Map<String, String> env = Map.of("OPENAI_BASE_URL", peer.baseUrl(), "OPENAI_API_KEY", peer.key());
            Clock clock = Clock.systemUTC();
            BuiltinTracker tracker = new BuiltinTracker(db, TrackerProjects.from(ConfigTree.empty()),
                    "http://127.0.0.1:8000", clock);
            JdbiLoopRunRepository runs = new JdbiLoopRunRepository(db.jdbi());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            DemoCommand cmd = new DemoCommand(() -> new DemoRun(tracker, new JdbiLoopQueue(db, clock),
                    new EventBus(new JdbiEventLog(db, 10_000)), runs, clock, env, new AgentModels(env),
                    AgentSandbox.from(ConfigTree.empty(), tmp.resolve("data"), e -> { }, clock)),
                    new PrintStream(out, true, StandardCharsets.UTF_8));

            int exit = new CommandLine(cmd).execute("--dir", tmp.resolve("demo").toString(), "--agent", "builtin",
                    "--model", "gpt-5.5");

            String printed = out.toString(StandardCharsets.UTF_8);
            System.out.println(printed);
            peer.assertClean();
            assertThat(peer.unanswered()).isZero();
            assertThat(exit).isZero();
            assertThat(printed).contains("agent: builtin").contains("ended PUSHED");
            assertThat(runs.list(1).get(0).usage().costUsd()).isPositive();
        }
    }

    @Test
    void anUnknownAgentIsAClearUsageError() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CommandLine cli = new CommandLine(new DemoCommand(() -> {
            throw new AssertionError("no demo for an unknown agent");
        }));
        cli.setErr(new java.io.PrintWriter(err, true));
        int exit = cli.execute("--agent", "gpt", "--dir", tmp.toString());
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("unknown agent 'gpt' (replay, claude, codex or builtin)");
    }
}

package dev.voxloop.app.agent;

import dev.voxloop.app.AgentModels;
import dev.voxloop.app.AgentSandbox;
import dev.voxloop.app.Guards;
import dev.voxloop.app.demo.DemoRun;
import dev.voxloop.app.demo.TrackItSample;
import dev.voxloop.bench.guard.HookBench;
import dev.voxloop.core.config.ConfigTree;
import dev.voxloop.core.event.EventBus;
import dev.voxloop.core.intent.IssueType;
import dev.voxloop.core.intent.Priority;
import dev.voxloop.core.intent.TicketDraft;
import dev.voxloop.core.loop.LoopRun;
import dev.voxloop.core.loop.LoopTurn;
import dev.voxloop.core.testing.InMemoryEventLog;
import dev.voxloop.core.testing.InMemoryLoopQueue;
import dev.voxloop.core.testing.InMemoryTracker;
import dev.voxloop.core.ticket.Project;
import dev.voxloop.core.ticket.Provenance;
import dev.voxloop.core.ticket.Ticket;
import dev.voxloop.loop.LoopSettings;
import dev.voxloop.loop.ProjectConfig;
import dev.voxloop.loop.agent.AgentProfile;
import dev.voxloop.loop.agent.Agents;
import dev.voxloop.loop.agent.ModelConnector;
import dev.voxloop.loop.gate.GateSuite;
import dev.voxloop.loop.run.Budgets;
import dev.voxloop.loop.run.LoopRunner;
import dev.voxloop.loop.run.StuckDetector;
import dev.voxloop.loop.workspace.Git;
import dev.voxloop.loop.workspace.RunSandbox;
import dev.voxloop.loop.workspace.WorkspacePreparer;
import dev.voxloop.peers.AgentBinaries;
import dev.voxloop.peers.ModelPeer;
import dev.voxloop.peers.Reply;
import dev.voxloop.peers.ReplayConversation;
import dev.voxloop.peers.ReplayConversation.Dialect;
import dev.voxloop.peers.Step;
import dev.voxloop.peers.anthropic.AnthropicPeer;
import dev.voxloop.peers.openai.ChatCompletionsPeer;
import dev.voxloop.peers.openai.ResponsesPeer;
import dev.voxloop.store.Database;
import dev.voxloop.store.StoreSettings;
import dev.voxloop.store.loop.JdbiLoopRunRepository;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Agent figures for docs/benchmarks.md, run by {@code bench/agents.sh} (tag {@code bench}: in no test suite; it
 * prints and asserts nothing): the orchestrator's overhead per turn around the real Claude Code binary, and the
 * demo's wall time per agent profile against the scripted model peers; the hook round trip as
 * {@code voxloop bench loop hooks} measures it.
 */
@Tag("bench")
class AgentBench {

    @TempDir
    Path tmp;

    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    /** The sandbox as the app configures it by default: gates and the replay agent run in it. */
    private RunSandbox sandbox() {
        return AgentSandbox.from(ConfigTree.empty(), tmp.resolve("sandbox-data"), e -> { }, Clock.systemUTC());
    }

    @Test
    void hookRoundTrip() {
        LoopSettings s = LoopSettings.from(ConfigTree.empty(), tmp);
        System.out.print(new HookBench(Guards.agentHooks(s, sandbox()), Guards.markers()).run(tmp.resolve("hooks"),
                Integer.getInteger("bench.calls", 500)).render());
    }

    @Test
    void claudeTurnOverhead() throws Exception {
        int turns = Integer.getInteger("bench.turns", 6);
        try (AnthropicPeer peer = AnthropicPeer.start();
             Database db = Database.open(StoreSettings.embedded(tmp.resolve("data")))) {
            Path origin = tmp.resolve("origin.git");
            Path src = Files.createDirectories(tmp.resolve("src"));
            new Git(tmp).run("init", "-q", "--bare", "-b", "main", origin.toString());
            Git git = new Git(src);
            git.run("init", "-q", "-b", "main");
            Files.writeString(src.resolve("check.sh"), "echo 'all tests passed'\n");
            git.commitAll("BENCH-0: start");
            git.run("push", "-q", origin.toString(), "main");
            for (int i = 1; i <= turns; i++) {
                peer.then(Reply.call("Bash", "command", "sh check.sh", "description", "tests"))
                        .then(Reply.call("Write", "file_path", tmp + "/ws/BENCH-1-r1/turn" + i + ".txt", "content",
                                "turn " + i + "\n"))
                        .then(Reply.text("Turn " + i + " done."));
            }
            InMemoryTracker tracker = new InMemoryTracker(List.of(new Project("BENCH", "Bench", "bench", List.of())),
                    "mem://", Clock.systemUTC());
            Ticket t = tracker.create(new TicketDraft("Bench", "", List.of("never ticked"), IssueType.TASK,
                    Priority.LOW, "BENCH", null, List.of()), new Provenance("b", false, "b", null));
            ProjectConfig p = new ProjectConfig("BENCH", origin.toString(), "main", "sh check.sh", null, null, null, 80,
                    new AgentProfile("claude", List.of(AgentBinaries.claude().toString()), "claude-sonnet-4-5", null,
                            null, List.of()), null, null, new Budgets(turns, Duration.ofHours(1), 0));
            LoopSettings s = LoopSettings.from(ConfigTree.empty(), tmp).withProject(p);
            Map<String, String> env = Map.of("HOME", Files.createDirectories(tmp.resolve("home")).toString(),
                    "ANTHROPIC_BASE_URL", peer.origin(), "ANTHROPIC_API_KEY", peer.key());
            JdbiLoopRunRepository runs = new JdbiLoopRunRepository(db.jdbi());
            LoopRun run = new LoopRunner(runs, tracker, new EventBus(new InMemoryEventLog()),
                    new WorkspacePreparer(tmp.resolve("ws"), null, false), new Agents(s, tmp, env,
                    Guards.agentHooks(s, sandbox()), sandbox()), new GateSuite(Guards.policy(s), sandbox()),
                    Guards.markers(), s, StuckDetector.DEFAULTS,
                    Clock.systemUTC(), () -> "r1").run(t.key(), "bench", () -> true);
            List<LoopTurn> ts = runs.turns(run.id());
            long[] agent = ts.stream().mapToLong(LoopTurn::agentMillis).sorted().toArray();
            long[] overhead = ts.stream().mapToLong(LoopTurn::overheadMillis).sorted().toArray();
            long[] gates = ts.stream().mapToLong(LoopTurn::gateMillis).sorted().toArray();
            System.out.printf("claude turns: %d (run ended %s); per turn: agent (claude process, 3 model calls, 2 tool"
                            + " calls, 6 hooks incl. Stop with gates) p50 %d ms max %d ms; orchestrator overhead p50 %d"
                            + " ms max %d ms; gate commands p50 %d ms%n", ts.size(), run.state(), agent[agent.length / 2],
                    agent[agent.length - 1], overhead[overhead.length / 2], overhead[overhead.length - 1],
                    gates[gates.length / 2]);
        }
    }

    @Test
    void demoWallTimePerAgent() throws Exception {
        Path script = tmp.resolve("conversation.json");
        TrackItSample.writeScript(script);
        List<String> rows = new ArrayList<>();
        rows.add(demo("replay", null, null, p -> Map.of(), AgentProfile.named("replay")));
        try (AnthropicPeer peer = AnthropicPeer.start()) {
            rows.add(demo("claude", peer, ReplayConversation.of(script, Dialect.CLAUDE, "sh run-tests.sh"),
                    p -> Map.of("ANTHROPIC_BASE_URL", peer.origin(), "ANTHROPIC_API_KEY", peer.key()),
                    new AgentProfile("claude", List.of(AgentBinaries.claude().toString()), null, null, null,
                            List.of())));
        }
        try (ResponsesPeer peer = ResponsesPeer.start()) {
            rows.add(demo("codex", peer, ReplayConversation.of(script, Dialect.CODEX, "sh run-tests.sh"),
                    p -> Map.of("OPENAI_BASE_URL", peer.baseUrl(), "OPENAI_API_KEY", peer.key()),
                    new AgentProfile("codex", List.of(AgentBinaries.codex().toString()), null, null, null,
                            List.of())));
        }
        try (ChatCompletionsPeer peer = ChatCompletionsPeer.start()) {
            rows.add(demo("builtin", peer, ReplayConversation.of(script, Dialect.BUILTIN, "sh run-tests.sh"),
                    p -> Map.of("OPENAI_BASE_URL", peer.baseUrl(), "OPENAI_API_KEY", peer.key()),
                    new AgentProfile("builtin", List.of(), "gpt-5.5", null, null, List.of())));
        }
        System.out.println("| agent | run | turns | wall time |");
        rows.forEach(System.out::println);
    }

    private String demo(String name, ModelPeer peer, List<Step> conversation,
                        Function<ModelPeer, Map<String, String>> env, AgentProfile agent) throws Exception {
        if (peer != null) {
            peer.script(conversation.toArray(Step[]::new));
        }
        Map<String, String> e = new java.util.HashMap<>(env.apply(peer));
        e.put("HOME", Files.createDirectories(tmp.resolve("home-" + name)).toString());
        try (Database db = Database.open(StoreSettings.embedded(tmp.resolve("data-" + name)))) {
            long t0 = System.nanoTime();
            DemoRun.Outcome o = new DemoRun(new InMemoryTracker(List.of(new Project("TRACK", "TrackIt", "t",
                    List.of())), "mem://", Clock.systemUTC()), new InMemoryLoopQueue(), new EventBus(
                    new InMemoryEventLog()), new JdbiLoopRunRepository(db.jdbi()), Clock.systemUTC(), e,
                    name.equals("builtin") ? new AgentModels(e) : ModelConnector.NONE, sandbox())
                    .run(tmp.resolve("demo-" + name), "TRACK", agent, QUIET);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            return String.format("| %s | %s | %d | %.1f s |", name, o.run().state(), o.run().iteration(), ms / 1000.0);
        }
    }
}

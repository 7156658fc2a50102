package dev.voxloop.bench.loop;

import dev.voxloop.loop.agent.AgentProfile;
import dev.voxloop.core.config.ConfigTree;
import dev.voxloop.core.event.EventBus;
import dev.voxloop.core.intent.IssueType;
import dev.voxloop.core.intent.Priority;
import dev.voxloop.core.intent.TicketDraft;
import dev.voxloop.core.loop.LoopRun;
import dev.voxloop.core.loop.LoopRunRepository;
import dev.voxloop.core.loop.LoopTurn;
import dev.voxloop.core.ticket.Provenance;
import dev.voxloop.core.ticket.Ticket;
import dev.voxloop.core.ticket.TicketTracker;
import dev.voxloop.guard.hook.RunMarkerFile;
import dev.voxloop.guard.policy.ToolUseRules;
import dev.voxloop.loop.LoopSettings;
import dev.voxloop.loop.ProjectConfig;
import dev.voxloop.loop.agent.CodingAgent;
import dev.voxloop.loop.agent.TurnRequest;
import dev.voxloop.loop.agent.TurnResult;
import dev.voxloop.loop.gate.GateSuite;
import dev.voxloop.loop.run.Budgets;
import dev.voxloop.loop.run.LoopRunner;
import dev.voxloop.loop.run.StuckDetector;
import dev.voxloop.loop.workspace.Git;
import dev.voxloop.loop.workspace.RunSandbox;
import dev.voxloop.loop.workspace.WorkspacePreparer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Orchestrator overhead per turn, excluding the agent and the gate commands: a real git workspace, an agent that
 * edits one file per turn and claims completion, and gates whose commands are {@code true} (so what is measured is
 * the orchestrator: persistence, events, task-file log, snapshot commit, git diffs for the protected-file, weakening
 * and coverage checks, stuck detection).
 */
public final class OverheadBench {

    private final LoopRunRepository runs;
    private final TicketTracker tracker;
    private final EventBus events;

    private final RunSandbox sandbox;

    /** @param sandbox where the gate commands of the measured run execute */
    public OverheadBench(LoopRunRepository runs, TicketTracker tracker, EventBus events, RunSandbox sandbox) {
        this.sandbox = sandbox;
        this.runs = runs;
        this.tracker = tracker;
        this.events = events;
    }

    public String run(String projectKey, int turns) {
        try {
            Path dir = Files.createTempDirectory("voxloop-overhead-");
            Path src = dir.resolve("src");
            Path origin = dir.resolve("origin.git");
            Files.createDirectories(src);
            Files.writeString(src.resolve("README.md"), "bench\n");
            new Git(dir).run("init", "-q", "--bare", "-b", "main", origin.toString());
            Git git = new Git(src);
            git.run("init", "-q", "-b", "main");
            git.commitAll(projectKey + "-0: start");
            git.run("push", "-q", origin.toString(), "main");
            Ticket t = tracker.create(new TicketDraft("Overhead bench", "edit files", List.of("all turns ran"),
                    IssueType.TASK, Priority.LOW, projectKey, null, List.of()), new Provenance("bench-"
                    + UUID.randomUUID(), false, "bench", null));
            ProjectConfig p = new ProjectConfig(projectKey, origin.toString(), "main", "true", "true", null, null, 80,
                    AgentProfile.named("bench"), null, null, new Budgets(turns + 1, Duration.ofHours(1), 0));
            LoopSettings s = LoopSettings.from(ConfigTree.empty(), dir).withProject(p);
            CodingAgent agent = new CodingAgent() {
                public String name() {
                    return "bench";
                }

                public TurnResult turn(TurnRequest r) {
                    try {
                        Files.writeString(r.workspace().resolve("f" + r.iteration() + ".txt"), "turn " + r.iteration());
                        if (r.iteration() == turns) {
                            Path task = r.workspace().resolve("CURRENT_TASK.md");
                            Files.writeString(task, Files.readString(task).replace("- [ ] ", "- [x] "));
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    return new TurnResult("edited f" + r.iteration(), true, null, null, 10, 10, 0, "");
                }
            };
            LoopRunner runner = new LoopRunner(runs, tracker, events, new WorkspacePreparer(dir.resolve("ws"), null,
                    false), (proj, run, ws) -> agent, new GateSuite(new ToolUseRules(), sandbox), new RunMarkerFile(),
                    s, new StuckDetector(1000, 1000),
                    Clock.systemUTC(), () -> UUID.randomUUID().toString().substring(0, 8));
            long t0 = System.nanoTime();
            LoopRun run = runner.run(t.key(), "bench", () -> true);
            long total = (System.nanoTime() - t0) / 1_000_000;
            List<LoopTurn> ts = runs.turns(run.id());
            long[] o = ts.stream().mapToLong(LoopTurn::overheadMillis).sorted().toArray();
            long gate = ts.stream().mapToLong(LoopTurn::gateMillis).sum();
            return String.format(Locale.ROOT, "orchestrator overhead per turn over %d turns (run ended %s):%n"
                            + "  mean %.1f ms, p50 %d ms, p95 %d ms, max %d ms%n"
                            + "  whole run %d ms, of which gate commands %d ms%n",
                    o.length, run.state(), Arrays.stream(o).average().orElse(0), pct(o, 50), pct(o, 95),
                    o.length == 0 ? 0 : o[o.length - 1], total, gate);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}

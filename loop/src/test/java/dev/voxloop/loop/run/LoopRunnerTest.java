package dev.voxloop.loop.run;

import dev.voxloop.loop.agent.AgentProfile;
import static org.assertj.core.api.Assertions.assertThat;

import dev.voxloop.loop.fixture.TestSandbox;
import dev.voxloop.core.config.ConfigTree;
import dev.voxloop.core.event.EventBus;
import dev.voxloop.core.event.PipelineEvent;
import dev.voxloop.core.intent.IssueType;
import dev.voxloop.core.intent.Priority;
import dev.voxloop.core.intent.TicketDraft;
import dev.voxloop.core.loop.ControlSignal;
import dev.voxloop.core.loop.LoopFailure;
import dev.voxloop.core.loop.LoopRun;
import dev.voxloop.core.loop.LoopState;
import dev.voxloop.core.testing.InMemoryEventLog;
import dev.voxloop.core.testing.InMemoryTracker;
import dev.voxloop.core.ticket.Provenance;
import dev.voxloop.core.ticket.Ticket;
import dev.voxloop.guard.hook.RunMarkerFile;
import dev.voxloop.guard.policy.ToolUseRules;
import dev.voxloop.loop.LoopSettings;
import dev.voxloop.loop.ProjectConfig;
import dev.voxloop.loop.agent.CodingAgent;
import dev.voxloop.loop.agent.SpentTurnFailure;
import dev.voxloop.loop.agent.TurnRequest;
import dev.voxloop.loop.agent.TurnResult;
import dev.voxloop.loop.fixture.MemoryLoopRuns;
import dev.voxloop.loop.fixture.TempRepo;
import dev.voxloop.loop.fixture.TrackItTracker;
import dev.voxloop.loop.gate.GateSuite;
import dev.voxloop.loop.workspace.Git;
import dev.voxloop.loop.workspace.WorkspacePreparer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoopRunnerTest {

    @TempDir
    Path tmp;

    private TempRepo repo;
    private final InMemoryTracker tracker = TrackItTracker.create();
    private final MemoryLoopRuns runs = new MemoryLoopRuns();
    private final InMemoryEventLog log = new InMemoryEventLog();
    private final List<String> prompts = new ArrayList<>();
    private Ticket ticket;

    @BeforeEach
    void setUp() throws Exception {
        repo = new TempRepo(tmp.resolve("src"));
        repo.write("README.md", "hello\n").write("test_it.sh", "test -f done.txt\n")
                .write("tests/check_test.sh", "assert_file done.txt\nassert_file README.md\n");
        repo.commit("TRACK-0: start");
        repo.git.run("push", "-q", "origin", "main");
        ticket = tracker.create(new TicketDraft("Make it done", "create done.txt", List.of("done.txt exists"),
                IssueType.TASK, Priority.MEDIUM, "TRACK", null, List.of()), new Provenance("i1", false, "x", null));
    }

    private LoopRunner runner(CodingAgent agent, Budgets budgets) {
        ProjectConfig p = new ProjectConfig("TRACK", repo.origin.toString(), "main", "sh test_it.sh", null, null, null,
                80, AgentProfile.named("scripted"), null, null, budgets);
        LoopSettings s = LoopSettings.from(ConfigTree.empty(), tmp).withProject(p);
        AtomicInteger ids = new AtomicInteger();
        return new LoopRunner(runs, tracker, new EventBus(log), new WorkspacePreparer(tmp.resolve("ws"), null, false),
                (proj, run, ws) -> agent, new GateSuite(new ToolUseRules(), TestSandbox.direct()), new RunMarkerFile(), s,
                StuckDetector.DEFAULTS, Clock.systemUTC(),
                () -> "run" + ids.incrementAndGet());
    }

    /** An agent that does {@code action} on each turn (iteration, workspace) and claims completion. */
    private CodingAgent agent(BiConsumer<Integer, TurnRequest> action) {
        return new CodingAgent() {
            public String name() {
                return "scripted";
            }

            public TurnResult turn(TurnRequest r) {
                prompts.add(r.prompt());
                action.accept(r.iteration(), r);
                return new TurnResult("turn " + r.iteration(), true, null, "s" + r.iteration(), 1000, 500, -1, "");
            }
        };
    }

    private static void write(Path p, String content) {
        try {
            Files.writeString(p, content);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void tick(Path ws) {
        try {
            Path task = ws.resolve("CURRENT_TASK.md");
            Files.writeString(task, Files.readString(task).replace("- [ ] ", "- [x] "));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void failedGatesBecomeTheNextInstructionAndAPassingRunIsPushed() {
        LoopRun run = runner(agent((n, r) -> {
            if (n == 2) {
                write(r.workspace().resolve("done.txt"), "yes\n");
                tick(r.workspace());
            }
        }), Budgets.DEFAULTS).run(ticket.key(), "w1", () -> true);

        assertThat(run.state()).isEqualTo(LoopState.PUSHED);
        assertThat(prompts.get(1)).contains("test_it.sh").contains("done.txt exists");
        assertThat(run.iteration()).isEqualTo(2);
        assertThat(run.usage().inputTokens()).isEqualTo(2000);
        assertThat(run.usage().costUsd()).isGreaterThan(0);
        assertThat(run.agent().sessionId()).isEqualTo("s2");
        assertThat(new Git(repo.origin).run("log", "--format=%s", run.workspace().branch())).contains("TRACK-1: iteration 2");
    }

    @Test
    void theIterationBudgetBlocksTheRunWithProgressPushedAndWhatRemains() {
        LoopRun run = runner(agent((n, r) -> write(r.workspace().resolve("work" + n + ".txt"), "n" + n)),
                new Budgets(2, Duration.ofMinutes(5), 0)).run(ticket.key(), "w1", () -> true);

        assertThat(run.state()).isEqualTo(LoopState.BLOCKED);
        assertThat(run.reason()).contains("iteration budget");
        assertThat(run.iteration()).isEqualTo(2);
        String comment = tracker.find(ticket.key()).orElseThrow().comments().getLast().body();
        assertThat(comment).contains("BLOCKED").contains("iteration budget").contains("criterion not done: done.txt exists")
                .contains(run.workspace().branch());
        assertThat(new Git(repo.origin).run("ls-tree", "--name-only", run.workspace().branch())).contains("work2.txt");
    }

    @Test
    void anAgentThatChangesNothingIsDetectedAsStuck() {
        LoopRun run = runner(agent((n, r) -> { }), Budgets.DEFAULTS).run(ticket.key(), "w1", () -> true);

        assertThat(run.state()).isEqualTo(LoopState.BLOCKED);
        assertThat(run.reason()).startsWith("stuck");
        assertThat(run.iteration()).isEqualTo(3);
        assertThat(log.all()).anyMatch(e -> e instanceof PipelineEvent.StuckDetected s
                && s.pattern().equals("same-action-and-result"));
    }

    @Test
    void controlSignalsReachTheAgentAtTheNextTurn() {
        LoopRun run = runner(agent((n, r) -> {
            write(r.workspace().resolve("w" + n), "x");
            if (n == 1) {
                runs.signal(r.runId(), ControlSignal.Kind.INSTRUCT, "use tabs, not spaces");
            } else if (n == 2) {
                runs.signal(r.runId(), ControlSignal.Kind.ABORT, "wrong ticket");
            }
        }), Budgets.DEFAULTS).run(ticket.key(), "w1", () -> true);

        assertThat(prompts.get(1)).contains("use tabs, not spaces");
        assertThat(prompts).hasSize(2);
        assertThat(run.state()).isEqualTo(LoopState.ABORTED);
        assertThat(run.reason()).contains("wrong ticket");
    }

    @Test
    void aTurnThatFailsAfterItsModelWasPaidStillCountsItsCost() {
        LoopRun run = runner(agent((n, r) -> {
            if (n == 2) {
                throw SpentTurnFailure.of(new LoopFailure.Unguarded("hooks dropped"), 3000, 200, 0.25);
            }
        }), Budgets.DEFAULTS).run(ticket.key(), "w1", () -> true);

        assertThat(run.state()).isEqualTo(LoopState.BLOCKED);
        assertThat(run.reason()).contains("hooks dropped");
        assertThat(run.usage().inputTokens()).isEqualTo(1000 + 3000);
        assertThat(run.usage().outputTokens()).isEqualTo(500 + 200);
        assertThat(run.usage().costUsd()).isGreaterThan(0.25);
        assertThat(runs.find(run.id()).orElseThrow().usage().inputTokens()).isEqualTo(4000);
    }

    @Test
    void protectedFilesAndWeakenedTestsFailTheGates() {
        LoopRun run = runner(agent((n, r) -> {
            write(r.workspace().resolve("done.txt"), "yes\n");
            tick(r.workspace());
            try {
                Files.createDirectories(r.workspace().resolve(".github"));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            write(r.workspace().resolve(".github/ci.yml"), "n" + n);
            write(r.workspace().resolve("tests/check_test.sh"), "true\n");
        }), new Budgets(2, Duration.ofMinutes(5), 0)).run(ticket.key(), "w1", () -> true);

        assertThat(run.state()).isEqualTo(LoopState.BLOCKED);
        assertThat(prompts.get(1)).contains("protected-files").contains(".github/ci.yml")
                .contains("tests-not-weakened").contains("tests/check_test.sh has 0 assertions");
    }

    @Test
    void aRunWhoseLeaseWasLostIsResumedByTheNextWorker() {
        AtomicInteger checks = new AtomicInteger();
        CodingAgent a = agent((n, r) -> {
            if (n == 2) {
                write(r.workspace().resolve("done.txt"), "yes\n");
                tick(r.workspace());
            }
        });
        LoopRun first = runner(a, Budgets.DEFAULTS).run(ticket.key(), "w1", () -> checks.incrementAndGet() < 5);
        assertThat(first.loopDone()).isFalse();
        assertThat(runs.find(first.id()).orElseThrow().state()).isEqualTo(first.state());

        LoopRun second = runner(a, Budgets.DEFAULTS).run(ticket.key(), "w2", () -> true);
        assertThat(second.id()).isEqualTo(first.id());
        assertThat(second.owner()).isEqualTo("w2");
        assertThat(second.state()).isEqualTo(LoopState.PUSHED);
        assertThat(second.iteration()).isEqualTo(2);
    }
}

package dev.voxloop.loop.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voxloop.core.config.ConfigTree;
import dev.voxloop.core.event.EventBus;
import dev.voxloop.core.intent.IssueType;
import dev.voxloop.core.intent.Priority;
import dev.voxloop.core.intent.TicketDraft;
import dev.voxloop.core.loop.FailureKind;
import dev.voxloop.core.loop.LoopFailure;
import dev.voxloop.core.loop.LoopState;
import dev.voxloop.core.queue.QueueEntry;
import dev.voxloop.core.queue.QueueStatus;
import dev.voxloop.core.testing.InMemoryEventLog;
import dev.voxloop.core.testing.InMemoryLoopQueue;
import dev.voxloop.core.testing.InMemoryTracker;
import dev.voxloop.core.ticket.Project;
import dev.voxloop.core.ticket.Provenance;
import dev.voxloop.core.ticket.Ticket;
import dev.voxloop.guard.hook.RunMarkerFile;
import dev.voxloop.guard.policy.ToolUseRules;
import dev.voxloop.loop.LoopSettings;
import dev.voxloop.loop.ProjectConfig;
import dev.voxloop.loop.agent.AgentProfile;
import dev.voxloop.loop.fixture.MemoryLoopRuns;
import dev.voxloop.loop.fixture.TempRepo;
import dev.voxloop.loop.fixture.TestSandbox;
import dev.voxloop.loop.gate.GateSuite;
import dev.voxloop.loop.run.Budgets;
import dev.voxloop.loop.run.LoopRunner;
import dev.voxloop.loop.run.StuckDetector;
import dev.voxloop.loop.workspace.WorkspacePreparer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Configuration problems are the person's to fix, not the loop's to retry: a ticket of a project without a
 * repository is not claimed (it stays queued, noted once on the entry and the ticket); a run that stops because the
 * project's configuration cannot work is parked on the failed list without counting its attempt; and each pass says
 * what really happened.
 */
class WorkerConfigurationTest {

    @TempDir
    Path tmp;

    private final InMemoryTracker tracker = new InMemoryTracker(List.of(new Project("TRACK", "TrackIt", "", List.of()),
            new Project("BOOK", "BookIt", "", List.of())), "mem://", Clock.systemUTC());
    private final InMemoryLoopQueue queue = new InMemoryLoopQueue();

    @Test
    void aTicketOfAProjectWithoutARepositoryStaysQueuedAndIsToldOnce() {
        Ticket book = file("BOOK");
        Worker w = worker(settings(), Set.of("TRACK"));

        WorkerPass first = w.pass();
        WorkerPass second = w.pass();

        assertThat(first).isInstanceOf(WorkerPass.Idle.class);
        assertThat(first.describe()).contains("nothing queued for TRACK")
                .contains("project BOOK has no repository configured")
                .contains("./voxloop init --project BOOK --repo PATH");
        assertThat(second.describe()).isEqualTo(first.describe());
        QueueEntry entry = queue.find(book.key()).orElseThrow();
        assertThat(entry.status()).isEqualTo(QueueStatus.PENDING);
        assertThat(entry.attempts()).isZero();
        assertThat(entry.lastError()).contains("project BOOK has no repository");
        assertThat(tracker.find(book.key()).orElseThrow().comments()).hasSize(1)
                .first().satisfies(c -> assertThat(c.body()).contains("no attempt is used"));
    }

    @Test
    void aRunStoppedByItsConfigurationIsParkedWithoutUsingAnAttempt() throws Exception {
        TempRepo repo = new TempRepo(tmp.resolve("src"));
        repo.write("README.md", "x\n").commit("TRACK-0: start");
        repo.git.run("push", "-q", "origin", "main");
        Ticket t = file("TRACK");
        ProjectConfig p = new ProjectConfig("TRACK", repo.origin.toString(), "main", "true", null, null, null, 80,
                AgentProfile.named("nonsense"), null, null, Budgets.DEFAULTS);
        LoopSettings s = settings().withProject(p);
        Worker w = new Worker("w1", queue, runner(s), new EventBus(new InMemoryEventLog()),
                Duration.ofSeconds(30), Duration.ofMillis(50), 3, Clock.systemUTC(), Set.of("TRACK"), null, tracker);

        WorkerPass pass = w.pass();

        assertThat(pass).isInstanceOf(WorkerPass.Ran.class);
        assertThat(pass.finished().orElseThrow().state()).isEqualTo(LoopState.BLOCKED);
        assertThat(pass.finished().orElseThrow().failure()).isEqualTo(FailureKind.MISCONFIGURED);
        assertThat(pass.describe()).contains("TRACK-1: BLOCKED - configuration problem: no agent called nonsense")
                .contains("queue: on the failed list (0 attempt(s) counted)");
        QueueEntry entry = queue.find(t.key()).orElseThrow();
        assertThat(entry.status()).isEqualTo(QueueStatus.FAILED);
        assertThat(entry.attempts()).isZero();
        assertThat(entry.lastError()).contains("no agent called nonsense");
    }

    @Test
    void aClaimedTicketThatCannotStartSaysWhyAndKeepsItsAttempts() {
        Ticket book = file("BOOK");
        // a worker for every project (as an older configuration ran): BOOK is claimed, but has no repository
        Worker w = new Worker("w1", queue, runner(settings()), new EventBus(new InMemoryEventLog()),
                Duration.ofSeconds(30), Duration.ofMillis(50), 3, Clock.systemUTC());

        WorkerPass pass = w.pass();

        assertThat(pass).isInstanceOf(WorkerPass.NotStarted.class);
        assertThat(pass.describe()).startsWith("BOOK-1: could not start - project BOOK has no target repository");
        QueueEntry entry = queue.find(book.key()).orElseThrow();
        assertThat(entry.status()).isEqualTo(QueueStatus.FAILED);
        assertThat(entry.attempts()).isZero();
    }

    private Ticket file(String project) {
        Ticket t = tracker.create(new TicketDraft("Fix it", "", List.of("works"), IssueType.BUG, Priority.LOW,
                project, null, List.of()), new Provenance("i-" + project, false, "x", null));
        queue.enqueue(t.key(), t.summary());
        return t;
    }

    private LoopSettings settings() {
        return LoopSettings.from(ConfigTree.empty(), tmp);
    }

    private Worker worker(LoopSettings s, Set<String> projects) {
        return new Worker("w1", queue, runner(s), new EventBus(new InMemoryEventLog()), Duration.ofSeconds(30),
                Duration.ofMillis(50), 3, Clock.systemUTC(), projects, null, tracker);
    }

    private LoopRunner runner(LoopSettings s) {
        return new LoopRunner(new MemoryLoopRuns(), tracker, new EventBus(new InMemoryEventLog()),
                new WorkspacePreparer(tmp.resolve("ws"), null, false), (proj, run, ws) -> {
                    throw new LoopFailure.Misconfigured("no agent called " + proj.agent().name(), null);
                }, new GateSuite(new ToolUseRules(), TestSandbox.direct()), new RunMarkerFile(), s,
                StuckDetector.DEFAULTS, Clock.systemUTC(), () -> "r1");
    }
}

package dev.voxloop.loop.worker;

import dev.voxloop.loop.agent.AgentProfile;
import static org.assertj.core.api.Assertions.assertThat;

import dev.voxloop.loop.fixture.TestSandbox;
import dev.voxloop.core.config.ConfigTree;
import dev.voxloop.core.event.EventBus;
import dev.voxloop.core.intent.IssueType;
import dev.voxloop.core.intent.Priority;
import dev.voxloop.core.intent.TicketDraft;
import dev.voxloop.core.loop.LoopRun;
import dev.voxloop.core.loop.LoopState;
import dev.voxloop.core.queue.QueueEntry;
import dev.voxloop.core.queue.QueueStatus;
import dev.voxloop.core.testing.InMemoryEventLog;
import dev.voxloop.core.testing.InMemoryLoopQueue;
import dev.voxloop.core.testing.InMemoryTracker;
import dev.voxloop.core.ticket.Provenance;
import dev.voxloop.core.ticket.Ticket;
import dev.voxloop.guard.hook.RunMarkerFile;
import dev.voxloop.guard.policy.ToolUseRules;
import dev.voxloop.loop.LoopSettings;
import dev.voxloop.loop.ProjectConfig;
import dev.voxloop.loop.agent.CodingAgent;
import dev.voxloop.loop.agent.TurnRequest;
import dev.voxloop.loop.agent.TurnResult;
import dev.voxloop.loop.fixture.MemoryLoopRuns;
import dev.voxloop.loop.fixture.TempRepo;
import dev.voxloop.loop.fixture.TrackItTracker;
import dev.voxloop.loop.gate.GateSuite;
import dev.voxloop.loop.run.Budgets;
import dev.voxloop.loop.run.LoopRunner;
import dev.voxloop.loop.run.StuckDetector;
import dev.voxloop.loop.workspace.WorkspacePreparer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkerTest {

    @TempDir
    Path tmp;

    @Test
    void theHeartbeatKeepsTheLeaseWhileASlowTurnRunsAndTheEntryEndsDone() throws Exception {
        Queued q = queued("Slow");
        InMemoryLoopQueue queue = q.queue();
        Ticket t = q.ticket();
        List<Instant> leases = new ArrayList<>();
        CodingAgent slow = new CodingAgent() {
            public String name() {
                return "slow";
            }

            public TurnResult turn(TurnRequest r) {
                for (int i = 0; i < 6; i++) {
                    try {
                        Thread.sleep(150);
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    queue.releaseExpired();
                    leases.add(queue.find(t.key()).map(QueueEntry::leaseUntil).orElse(null));
                }
                try {
                    Path task = r.workspace().resolve("CURRENT_TASK.md");
                    Files.writeString(task, Files.readString(task).replace("- [ ] ", "- [x] "));
                    Files.writeString(r.workspace().resolve("fix.txt"), "fixed\n");
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                return TurnResult.done("fixed");
            }
        };
        InMemoryEventLog log = new InMemoryEventLog();
        LoopRunner runner = q.runner(slow, log);
        Worker w = new Worker("w1", queue, runner, new EventBus(log), Duration.ofMillis(300), Duration.ofMillis(50),
                3, Clock.systemUTC());

        LoopRun run = w.runOnce().orElseThrow();

        assertThat(run.state()).isEqualTo(LoopState.PUSHED);
        assertThat(run.workspace().branch()).startsWith("bugfix/TRACK-1-slow");
        assertThat(leases).doesNotContainNull();
        assertThat(leases.get(leases.size() - 1)).isAfter(leases.get(0));
        assertThat(queue.find(t.key()).orElseThrow().status()).isEqualTo(QueueStatus.DONE);
        assertThat(w.runOnce()).isEmpty();
    }

    /**
     * Stopping a worker (Ctrl-C, a server shutting down) never interrupts it: it ends after the current step, leaves
     * the run as saved and the entry claimed, and the next worker resumes it once the lease lapses.
     */
    @Test
    void aStoppedWorkerEndsAfterTheCurrentStepAndTheNextWorkerResumesTheRun() throws Exception {
        Queued q = queued("Stop");
        InMemoryLoopQueue queue = q.queue();
        Ticket t = q.ticket();
        java.util.concurrent.atomic.AtomicReference<Worker> current = new java.util.concurrent.atomic.AtomicReference<>();
        List<Boolean> interrupted = new ArrayList<>();
        CodingAgent stopping = new CodingAgent() {
            public String name() {
                return "stopping";
            }

            public TurnResult turn(TurnRequest r) {
                try {
                    Path task = r.workspace().resolve("CURRENT_TASK.md");
                    Files.writeString(task, Files.readString(task).replace("- [ ] ", "- [x] "));
                    Files.writeString(r.workspace().resolve("fix.txt"), "fixed\n");
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                current.get().stop();
                interrupted.add(Thread.currentThread().isInterrupted());
                return TurnResult.done("fixed");
            }
        };
        InMemoryEventLog log = new InMemoryEventLog();
        LoopRunner runner = q.runner(stopping, log);
        Duration lease = Duration.ofMillis(300);
        Worker first = new Worker("w1", queue, runner, new EventBus(log), lease, Duration.ofMillis(50), 3,
                Clock.systemUTC());
        current.set(first);
        List<LoopRun> ended = new ArrayList<>();
        first.onRunEnded(ended::add);

        LoopRun left = first.runOnce().orElseThrow();

        assertThat(interrupted).containsExactly(false);
        assertThat(left.loopDone()).as(left.state().toString()).isFalse();
        assertThat(queue.find(t.key()).orElseThrow().status()).isEqualTo(QueueStatus.RUNNING);

        Thread.sleep(lease.toMillis() + 100);
        queue.releaseExpired();
        Worker next = new Worker("w2", queue, runner, new EventBus(log), lease, Duration.ofMillis(50), 3,
                Clock.systemUTC()).onRunEnded(ended::add);
        assertThat(ended).as("a run left mid-way has not ended").isEmpty();
        LoopRun resumed = next.runOnce().orElseThrow();

        assertThat(resumed.id()).isEqualTo(left.id());
        assertThat(resumed.state()).isEqualTo(LoopState.PUSHED);
        assertThat(queue.find(t.key()).orElseThrow().status()).isEqualTo(QueueStatus.DONE);
        assertThat(ended).extracting(LoopRun::id).containsExactly(left.id());
    }

    /** A ticket of project TRACK queued for a repository with one commit. */
    private Queued queued(String summary) throws Exception {
        TempRepo repo = new TempRepo(tmp.resolve("src"));
        repo.write("README.md", "x\n").commit("TRACK-0: start");
        repo.git.run("push", "-q", "origin", "main");
        InMemoryTracker tracker = TrackItTracker.create();
        Ticket t = tracker.create(new TicketDraft(summary, "", List.of("done"), IssueType.BUG, Priority.LOW, "TRACK",
                null, List.of()), new Provenance("i", false, "x", null));
        InMemoryLoopQueue queue = new InMemoryLoopQueue();
        queue.enqueue(t.key(), t.summary());
        return new Queued(repo, tracker, t, queue, tmp);
    }

    private record Queued(TempRepo repo, InMemoryTracker tracker, Ticket ticket, InMemoryLoopQueue queue, Path tmp) {

        /** The loop for this ticket's project, every turn taken by {@code agent}, runs kept in memory. */
        LoopRunner runner(CodingAgent agent, InMemoryEventLog log) {
            ProjectConfig p = new ProjectConfig("TRACK", repo.origin.toString(), "main", "true", null, null, null, 80,
                    AgentProfile.named(agent.name()), null, null, Budgets.DEFAULTS);
            LoopSettings s = LoopSettings.from(ConfigTree.empty(), tmp).withProject(p);
            return new LoopRunner(new MemoryLoopRuns(), tracker, new EventBus(log),
                    new WorkspacePreparer(tmp.resolve("ws"), null, false), (proj, run, ws) -> agent,
                    new GateSuite(new ToolUseRules(), TestSandbox.direct()), new RunMarkerFile(), s,
                    StuckDetector.DEFAULTS, Clock.systemUTC(), () -> "r1");
        }
    }
}

package dev.voxloop.loop.worker;

import dev.voxloop.core.event.EventBus;
import dev.voxloop.core.event.PipelineEvent;
import dev.voxloop.core.loop.LoopRun;
import dev.voxloop.core.loop.WorkerRegistry;
import dev.voxloop.core.queue.LoopQueue;
import dev.voxloop.core.queue.QueueEntry;
import dev.voxloop.core.queue.QueueInput;
import dev.voxloop.core.ticket.TicketTracker;
import dev.voxloop.loop.run.LoopRunner;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Claims queued tickets with a lease, keeps the lease alive with a heartbeat while the {@link LoopRunner} works,
 * and completes the queue entry with the run's outcome. A worker that dies stops renewing; its lease lapses, the
 * entry goes back to PENDING and the next worker resumes the persisted run. A run that needs a person (BLOCKED,
 * ABORTED) is not retried; a FAILED one is, up to {@code maxAttempts}.
 */
public final class Worker implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(Worker.class);

    private final String id;
    private final LoopQueue queue;
    private final LoopRunner runner;
    private final EventBus events;
    private final Duration lease;
    private final Duration poll;
    private final Clock clock;
    private final Set<String> projects;
    private final WorkerPresence presence;
    private final QueueCompletion completion;
    private final UnclaimedTickets unclaimed;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private volatile Consumer<LoopRun> ended = run -> { };

    /** A worker for every project (no registry, no reports of tickets nobody can take). */
    public Worker(String id, LoopQueue queue, LoopRunner runner, EventBus events, Duration lease, Duration poll,
                  int maxAttempts, Clock clock) {
        this(id, queue, runner, events, lease, poll, maxAttempts, clock, null, null, null);
    }

    /**
     * @param projects the projects this worker can work on (those with a repository); null: any
     * @param registry where the worker reports itself every poll, or null
     * @param tracker  told once about a queued ticket nobody can take (with {@code projects} and {@code registry})
     */
    public Worker(String id, LoopQueue queue, LoopRunner runner, EventBus events, Duration lease, Duration poll,
                  int maxAttempts, Clock clock, Set<String> projects, WorkerRegistry registry, TicketTracker tracker) {
        this.id = id;
        this.queue = queue;
        this.runner = runner;
        this.events = events;
        this.lease = lease;
        this.poll = poll;
        this.clock = clock;
        this.projects = projects == null ? null : Set.copyOf(new TreeSet<>(projects));
        this.presence = new WorkerPresence(id, registry, this.projects, clock);
        this.completion = new QueueCompletion(queue, events, maxAttempts, clock);
        this.unclaimed = projects == null || tracker == null ? null
                : new UnclaimedTickets(queue, tracker, registry, this.projects, alive(), clock);
    }

    public String id() {
        return id;
    }

    /** Told about each run this worker is done with (it left the loop), after its queue entry is completed. */
    public Worker onRunEnded(Consumer<LoopRun> listener) {
        this.ended = listener;
        return this;
    }

    /** The projects this worker takes tickets of; null: any. */
    public Set<String> projects() {
        return projects;
    }

    /** How long after its last report a worker still counts as running: a few polls. */
    public Duration alive() {
        return poll.multipliedBy(3).plusSeconds(30);
    }

    /** Until {@link #stop()}: release lapsed leases, claim, run; sleep when the queue is empty. */
    @Override
    public void run() {
        try {
            while (!stopping.get()) {
                try {
                    queue.releaseExpired();
                    presence.beat(null);
                    if (pass() instanceof WorkerPass.Idle) {
                        pause();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (RuntimeException e) {
                    if (stopping.get()) {
                        // the process is stopping and may have closed the database under this step: expected
                        LOG.info("worker {} stopped mid-step: {}", id, e.toString());
                        return;
                    }
                    // the queue or database hiccupped between runs; keep the worker alive and try again after a pause
                    LOG.warn("worker {}: {}", id, e.toString());
                    sleepQuietly();
                }
            }
        } finally {
            presence.leave();
        }
    }

    /**
     * Stops after the current step (a run in progress is left as saved for the next worker, which resumes it once
     * the lease lapses) and wakes an idle worker. It never interrupts the thread: an interrupt during a database
     * write closes H2's file channel (ClosedByInterruptException) and with it the database for everyone.
     */
    public void stop() {
        stopping.set(true);
        synchronized (stopping) {
            stopping.notifyAll();
        }
    }

    /** Waits one poll interval, or until {@link #stop()}. */
    private void pause() throws InterruptedException {
        synchronized (stopping) {
            if (!stopping.get()) {
                stopping.wait(poll.toMillis());
            }
        }
    }

    /** Claims one queued ticket and runs it; empty when nothing was run. */
    public Optional<LoopRun> runOnce() {
        return pass().finished();
    }

    /** Claims one queued ticket this worker can take and runs it, and says what happened. */
    public WorkerPass pass() {
        Optional<QueueEntry> claimed = queue.claim(id, lease, projects);
        if (claimed.isEmpty()) {
            return idle();
        }
        String key = claimed.get().key();
        presence.beat(key);
        events.publish(new PipelineEvent.LoopStarted(clock.instant(), key, id));
        LoopRun run = null;
        RuntimeException error = null;
        LeaseRenewal renewal = LeaseRenewal.start(queue, key, id, lease);
        try {
            run = runner.run(key, id, () -> renewal.owned() && !stopping.get());
        } catch (RuntimeException e) {
            // the run could not start (no such ticket, the project is not configured, the tracker is down)
            error = e;
        } finally {
            renewal.close();
        }
        // stopped between two steps: the run stays as saved and its lease lapses, so the next worker resumes it
        boolean leftForNext = run != null && !run.loopDone();
        QueueEntry after = renewal.owned() && !leftForNext ? completion.complete(key, run, error) : null;
        if (run != null && run.loopDone()) {
            ended.accept(run);
        }
        presence.beat(null);
        return run != null ? new WorkerPass.Ran(run, after)
                : new WorkerPass.NotStarted(key, String.valueOf(error.getMessage()), after);
    }

    private WorkerPass idle() {
        List<QueueEntry> stuck = List.of();
        if (unclaimed != null) {
            try {
                stuck = unclaimed.report();
            } catch (RuntimeException e) {
                LOG.warn("worker {} could not check the queue for tickets it cannot take: {}", id, e.toString());
            }
        }
        String scope = projects == null ? "" : projects.isEmpty() ? " (no project has a repository)"
                : " for " + String.join(", ", projects);
        if (stuck.isEmpty()) {
            return new WorkerPass.Idle("nothing queued" + scope);
        }
        Set<String> waiting = new TreeSet<>();
        stuck.forEach(e -> waiting.add(QueueInput.project(e.key())));
        return new WorkerPass.Idle("nothing queued" + scope + "; " + stuck.size() + " queued ticket(s) wait: "
                + String.join("; ", waiting.stream().map(UnclaimedTickets::reason).toList()));
    }

    private void sleepQuietly() {
        try {
            pause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

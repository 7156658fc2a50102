package dev.voxloop.loop.worker;

import dev.voxloop.core.event.EventBus;
import dev.voxloop.core.event.PipelineEvent;
import dev.voxloop.core.loop.FailureKind;
import dev.voxloop.core.loop.LoopRun;
import dev.voxloop.core.loop.LoopState;
import dev.voxloop.core.loop.WorkerBeat;
import dev.voxloop.core.loop.WorkerRegistry;
import dev.voxloop.core.problem.Problem;
import dev.voxloop.core.queue.LoopQueue;
import dev.voxloop.core.queue.QueueEntry;
import dev.voxloop.core.queue.QueueInput;
import dev.voxloop.core.ticket.TicketTracker;
import dev.voxloop.loop.run.LoopRunner;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
    private final int maxAttempts;
    private final Clock clock;
    private final Set<String> projects;
    private final WorkerRegistry registry;
    private final UnclaimedTickets unclaimed;
    private final Instant startedAt;
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
        this.maxAttempts = maxAttempts;
        this.clock = clock;
        this.projects = projects == null ? null : Set.copyOf(new TreeSet<>(projects));
        this.registry = registry;
        this.unclaimed = projects == null || tracker == null ? null
                : new UnclaimedTickets(queue, tracker, registry, this.projects, alive(), clock);
        this.startedAt = clock.instant();
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
                    beat(null);
                    if (pass() instanceof WorkerPass.Idle) {
                        pause();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (RuntimeException e) {
                    // the queue or database hiccupped between runs; keep the worker alive and try again after a pause
                    LOG.warn("worker {}: {}", id, e.toString());
                    sleepQuietly();
                }
            }
        } finally {
            if (registry != null) {
                try {
                    registry.leave(id);
                } catch (RuntimeException e) {
                    LOG.debug("worker {} could not sign off: {}", id, e.toString());
                }
            }
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
        beat(key);
        events.publish(new PipelineEvent.LoopStarted(clock.instant(), key, id));
        AtomicBoolean owned = new AtomicBoolean(true);
        ScheduledExecutorService beat = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().factory());
        // Renew three times per lease: two renewals can be late or fail transiently before the lease lapses and
        // another worker may claim the ticket. The 50 ms floor keeps a tiny test lease from spinning the scheduler.
        // Once a renewal is refused the lease is someone else's: the runner stops before its next step.
        long every = Math.max(50, lease.toMillis() / 3);
        beat.scheduleAtFixedRate(() -> {
            if (owned.get() && !queue.renew(key, id, lease)) {
                owned.set(false);
                LOG.warn("worker {} lost the lease on {}", id, key);
            }
        }, every, every, TimeUnit.MILLISECONDS);
        LoopRun run = null;
        RuntimeException error = null;
        try {
            run = runner.run(key, id, () -> owned.get() && !stopping.get());
        } catch (RuntimeException e) {
            // the run could not start (no such ticket, the project is not configured, the tracker is down)
            error = e;
        } finally {
            stopRenewing(beat);
        }
        // stopped between two steps: the run stays as saved and its lease lapses, so the next worker resumes it
        boolean leftForNext = run != null && !run.loopDone();
        QueueEntry after = owned.get() && !leftForNext ? finish(key, run, error) : null;
        if (run != null && run.loopDone()) {
            ended.accept(run);
        }
        beat(null);
        return run != null ? new WorkerPass.Ran(run, after)
                : new WorkerPass.NotStarted(key, String.valueOf(error.getMessage()), after);
    }

    /**
     * Stops the lease renewals without interrupting one in flight (it is a database write): no renewal starts after
     * this, and one already running is waited for, at most a lease long.
     */
    private void stopRenewing(ScheduledExecutorService beat) {
        beat.shutdown();
        try {
            if (!beat.awaitTermination(lease.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("worker {}: a lease renewal still runs after {}", id, lease);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Completes the queue entry with the run's outcome. A configuration problem (the run could not start because
     * of the project's settings, or stopped as MISCONFIGURED or AGENT_UNAVAILABLE) is parked on the failed list
     * without counting the attempt: another attempt cannot help until a person fixes it, and then it gets them all.
     * BLOCKED and ABORTED otherwise wait for a person; only FAILED (infrastructure, internal) is retried.
     */
    private QueueEntry finish(String key, LoopRun run, RuntimeException error) {
        boolean success = run != null && run.succeeded();
        String why = success ? null : run == null ? error.getMessage()
                : run.failure() == null ? run.reason() : run.failure().label() + ": " + run.reason();
        Optional<QueueEntry> after;
        if (!success && configurationProblem(run, error)) {
            after = queue.park(key, why);
        } else {
            boolean needsPerson = run != null && run.loopDone() && !success && run.state() != LoopState.FAILED;
            after = queue.complete(key, success, why, needsPerson ? 0 : maxAttempts);
        }
        events.publish(new PipelineEvent.LoopCompleted(clock.instant(), key, success, why));
        return after.orElse(null);
    }

    private static boolean configurationProblem(LoopRun run, RuntimeException error) {
        if (run == null) {
            return error instanceof Problem p && (p.kind() == Problem.Kind.INVALID || p.kind() == Problem.Kind.NOT_FOUND);
        }
        return run.loopDone() && run.failure() != null && (run.failure() == FailureKind.MISCONFIGURED
                || run.failure() == FailureKind.AGENT_UNAVAILABLE);
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

    private void beat(String ticket) {
        if (registry == null) {
            return;
        }
        try {
            registry.beat(new WorkerBeat(id, host(), ProcessHandle.current().pid(),
                    projects == null ? List.of("*") : List.copyOf(new TreeSet<>(projects)), ticket, startedAt,
                    clock.instant()));
        } catch (RuntimeException e) {
            LOG.debug("worker {} could not report itself: {}", id, e.toString());
        }
    }

    private static String host() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "localhost";
        }
    }

    private void sleepQuietly() {
        try {
            pause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

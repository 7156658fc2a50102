package dev.voxloop.loop.worker;

import dev.voxloop.core.event.EventBus;
import dev.voxloop.core.event.PipelineEvent;
import dev.voxloop.core.loop.LoopRun;
import dev.voxloop.core.loop.LoopState;
import dev.voxloop.core.queue.LoopQueue;
import dev.voxloop.core.queue.QueueEntry;
import dev.voxloop.loop.run.LoopRunner;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
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
    private final AtomicBoolean stopping = new AtomicBoolean();

    public Worker(String id, LoopQueue queue, LoopRunner runner, EventBus events, Duration lease, Duration poll,
                  int maxAttempts, Clock clock) {
        this.id = id;
        this.queue = queue;
        this.runner = runner;
        this.events = events;
        this.lease = lease;
        this.poll = poll;
        this.maxAttempts = maxAttempts;
        this.clock = clock;
    }

    public String id() {
        return id;
    }

    /** Until {@link #stop()}: release lapsed leases, claim, run; sleep when the queue is empty. */
    @Override
    public void run() {
        while (!stopping.get()) {
            try {
                queue.releaseExpired();
                if (!runOnce().isPresent()) {
                    Thread.sleep(poll.toMillis());
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
    }

    public void stop() {
        stopping.set(true);
    }

    /** Claims one queued ticket and runs it; empty when nothing was queued. */
    public Optional<LoopRun> runOnce() {
        Optional<QueueEntry> claimed = queue.claim(id, lease);
        if (claimed.isEmpty()) {
            return Optional.empty();
        }
        String key = claimed.get().key();
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
        String error = null;
        try {
            run = runner.run(key, id, owned::get);
            return Optional.of(run);
        } catch (RuntimeException e) {
            // the run could not start (no such ticket, the project is not configured): the queue entry records why
            // and is retried up to maxAttempts; a run that started ends through its own failure handling instead
            error = e.getMessage();
            return Optional.empty();
        } finally {
            beat.shutdownNow();
            if (owned.get()) {
                boolean success = run != null && run.succeeded();
                // BLOCKED and ABORTED wait for a person; only FAILED (infrastructure, internal) is worth a retry
                boolean needsPerson = run != null && run.loopDone() && !success
                        && run.state() != LoopState.FAILED;
                String why = success ? null : run == null ? error
                        : run.failure() == null ? run.reason() : run.failure().label() + ": " + run.reason();
                queue.complete(key, success, why, needsPerson ? 0 : maxAttempts);
                events.publish(new PipelineEvent.LoopCompleted(clock.instant(), key, success, why));
            }
        }
    }

    private void sleepQuietly() {
        try {
            Thread.sleep(poll.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

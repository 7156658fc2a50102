package dev.voxloop.app;

import dev.voxloop.core.queue.LoopQueue;
import dev.voxloop.intake.IntakeService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server process's background thread: loads the models once the server answers, finishes what a crash
 * interrupted, expires unanswered questions and previews, and releases lapsed queue leases. A new periodic job is
 * one line in {@link #start}.
 */
final class Housekeeping implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Housekeeping.class);

    private final Engines engines;
    private final IntakeService intake;
    private final LoopQueue queue;
    private ScheduledThreadPoolExecutor thread;
    private volatile boolean closed;

    Housekeeping(Engines engines, IntakeService intake, LoopQueue queue) {
        this.engines = engines;
        this.intake = intake;
        this.queue = queue;
    }

    /**
     * Starts the thread; a second call does nothing, and so does a call after {@link #close} (a stop that came
     * while the server was starting: nothing may poll a database that is being closed).
     *
     * @param recoverChecks re-runs CI checks a stopped process left unfinished (once, at start)
     */
    synchronized void start(Runnable recoverChecks) {
        if (thread != null || closed) {
            return;
        }
        thread = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "voxloop-housekeeping");
            t.setDaemon(true);
            return t;
        });
        // on close, jobs that have not started yet are dropped rather than run
        thread.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        // Models load a moment after the server answers, so they do not compete with start-up and its first
        // requests for the CPU (a request that needs one earlier loads it and waits).
        thread.schedule(() -> guarded("models", engines::warm), 1, TimeUnit.SECONDS);
        thread.execute(() -> guarded("resume", () -> {
            int n = intake.resumeInterrupted();
            if (n > 0) {
                LOG.info("resumed {} intake sessions left mid-step", n);
            }
        }));
        thread.execute(() -> guarded("ci", recoverChecks));
        thread.scheduleWithFixedDelay(() -> guarded("expire", intake::expireDue), 5, 15, TimeUnit.SECONDS);
        thread.scheduleWithFixedDelay(() -> guarded("leases", queue::releaseExpired), 5, 15, TimeUnit.SECONDS);
    }

    /**
     * Runs one job; a failure is logged and the job runs again at its next turn, so one bad run stops nothing. A job
     * that outlived {@link #close}'s wait may fail because the database closed under it: that is the stop, not a
     * fault, and is said quietly.
     */
    private void guarded(String what, Runnable job) {
        try {
            job.run();
        } catch (RuntimeException e) {
            if (closed) {
                LOG.info("housekeeping ({}) ended by the stop: {}", what, e.toString());
            } else {
                LOG.warn("housekeeping ({}) failed: {}", what, e.toString());
            }
        }
    }

    /**
     * Stops the thread without interrupting it (a job may be inside a database write, and an interrupt there closes
     * the embedded database for everyone): no job starts after this, and a running one is waited for a few seconds;
     * one that runs longer (loading a model) ends with the process, the thread being a daemon.
     */
    @Override
    public synchronized void close() {
        closed = true;
        if (thread == null) {
            return;
        }
        thread.shutdown();
        try {
            if (!thread.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.info("housekeeping: a job still runs at close; it ends with the process");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

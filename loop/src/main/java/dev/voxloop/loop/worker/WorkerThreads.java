package dev.voxloop.loop.worker;

import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Workers running on their own daemon threads. Closing stops them after their current step and waits, up to a
 * bound, for their threads to end, so whoever closes the database next does not close it under a worker still
 * polling the queue or signing off. A worker in the middle of a long step (an agent turn) is not waited for beyond
 * the bound: its run stays as saved for the next worker, and the thread ends with the process.
 */
public final class WorkerThreads implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WorkerThreads.class);
    /** How long closing waits for the workers' threads: an idle worker ends at once, one between steps soon. */
    static final Duration STOP_WAIT = Duration.ofSeconds(10);

    private final List<Worker> workers;
    private final List<Thread> threads;

    private WorkerThreads(List<Worker> workers, List<Thread> threads) {
        this.workers = workers;
        this.threads = threads;
    }

    /** Starts each worker on a daemon thread named after it. */
    public static WorkerThreads start(List<Worker> workers) {
        List<Thread> threads = workers.stream()
                .map(w -> Thread.ofPlatform().name("voxloop-" + w.id()).daemon(true).start(w)).toList();
        return new WorkerThreads(List.copyOf(workers), threads);
    }

    /** Stops the workers (without interrupting: that would close the embedded database mid-write) and waits. */
    @Override
    public void close() {
        workers.forEach(Worker::stop);
        if (!awaitEnd(STOP_WAIT)) {
            LOG.info("a loop worker is still in a step after {} s; its run stays as saved for the next worker",
                    STOP_WAIT.toSeconds());
        }
    }

    /** Waits until every worker's thread has ended: after {@link #close}, or when one failed outright. */
    public void awaitEnd() throws InterruptedException {
        for (Thread t : threads) {
            t.join();
        }
    }

    /** True when every worker's thread has ended within {@code limit}. */
    boolean awaitEnd(Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        try {
            for (Thread t : threads) {
                long left = deadline - System.nanoTime();
                if (left > 0) {
                    t.join(Duration.ofNanos(left));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return threads.stream().noneMatch(Thread::isAlive);
    }
}

package dev.voxloop.core.forge;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * News from a forge for the runs waiting on it in this process: a webhook said a check, a review or a pull request of
 * {@code repository} changed, so a run polling that repository looks again now instead of at its next poll. Without
 * webhooks (or in another process) nothing signals and the waits simply run out: polling stays the fallback.
 */
public final class ForgeWakeups {

    private final Map<String, Long> generations = new HashMap<>();

    /** Wakes every run waiting on {@code repository}. */
    public synchronized void signal(String repository) {
        generations.merge(repository, 1L, Long::sum);
        notifyAll();
    }

    /**
     * Waits up to {@code timeout} for a signal about {@code repository}; true when one came.
     *
     * @throws InterruptedException when the waiting thread is interrupted
     */
    public synchronized boolean await(String repository, Duration timeout) throws InterruptedException {
        return await(repository, seen(repository), timeout);
    }

    /** Where the signals about {@code repository} stand now: a later {@link #await(String, long, Duration)} from here. */
    public synchronized long seen(String repository) {
        return generations.getOrDefault(repository, 0L);
    }

    /**
     * Waits up to {@code timeout} for a signal about {@code repository} after {@code seen} (taken before the caller
     * last read the forge, so a delivery that came while it read is not missed); true when one came.
     *
     * @throws InterruptedException when the waiting thread is interrupted
     */
    public synchronized boolean await(String repository, long seen, Duration timeout) throws InterruptedException {
        long start = seen;
        long until = System.nanoTime() + timeout.toNanos();
        while (generations.getOrDefault(repository, 0L) == start) {
            long left = until - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }
}

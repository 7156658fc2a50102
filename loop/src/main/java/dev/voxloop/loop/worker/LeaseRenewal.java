package dev.voxloop.loop.worker;

import dev.voxloop.core.queue.LoopQueue;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one claimed ticket's lease alive while its run works: renews it on a virtual thread three times per lease
 * until {@link #close()}. Once a renewal is refused the lease is someone else's and {@link #owned()} turns false
 * for good, so the runner stops before its next step.
 */
final class LeaseRenewal implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LeaseRenewal.class);

    private final String key;
    private final String worker;
    private final Duration lease;
    private final AtomicBoolean owned = new AtomicBoolean(true);
    private final ScheduledExecutorService beat =
            Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().factory());

    private LeaseRenewal(String key, String worker, Duration lease) {
        this.key = key;
        this.worker = worker;
        this.lease = lease;
    }

    /** Starts renewing {@code worker}'s lease on {@code key}, which it has just claimed. */
    static LeaseRenewal start(LoopQueue queue, String key, String worker, Duration lease) {
        LeaseRenewal renewal = new LeaseRenewal(key, worker, lease);
        // Renew three times per lease: two renewals can be late or fail transiently before the lease lapses and
        // another worker may claim the ticket. The 50 ms floor keeps a tiny test lease from spinning the scheduler.
        long every = Math.max(50, lease.toMillis() / 3);
        renewal.beat.scheduleAtFixedRate(() -> {
            if (renewal.owned.get() && !queue.renew(key, worker, lease)) {
                renewal.owned.set(false);
                LOG.warn("worker {} lost the lease on {}", worker, key);
            }
        }, every, every, TimeUnit.MILLISECONDS);
        return renewal;
    }

    /** Whether the lease is still this worker's (no renewal has been refused). */
    boolean owned() {
        return owned.get();
    }

    /**
     * Stops the renewals without interrupting one in flight (it is a database write): no renewal starts after
     * this, and one already running is waited for, at most a lease long.
     */
    @Override
    public void close() {
        beat.shutdown();
        try {
            if (!beat.awaitTermination(lease.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("worker {}: a lease renewal of {} still runs after {}", worker, key, lease);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package dev.voxloop.core.deferred;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Model loads (or uses) counted while they run, so that stopping the process can refuse new ones and wait, with a
 * bound, for those still running before it takes away what they need: a native runtime, or the files a model is
 * read from.
 */
public final class InFlight {

    private int running;
    private boolean closed;

    /**
     * Counts one in; {@link #leave()} must follow.
     *
     * @throws RuntimeException the one {@code refused} gives, once closed
     */
    public synchronized void enter(Supplier<? extends RuntimeException> refused) {
        if (closed) {
            throw refused.get();
        }
        running++;
    }

    public synchronized void leave() {
        running--;
        notifyAll();
    }

    public synchronized boolean closed() {
        return closed;
    }

    /**
     * Refuses new ones and waits up to {@code limit} for those running; safe from any thread and to repeat.
     *
     * @return true when nothing runs any more
     */
    public synchronized boolean close(Duration limit) {
        closed = true;
        long deadline = System.nanoTime() + limit.toNanos();
        while (running > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return running == 0;
            }
        }
        return true;
    }
}

package dev.voxloop.intake;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Per-session mutual exclusion inside one process (striped, fixed memory). Different sessions run in
 * parallel; two requests for the same session queue. Across processes the repository's version check
 * is the guard.
 */
final class SessionLocks {

    private final ReentrantLock[] stripes;

    SessionLocks(int count) {
        stripes = new ReentrantLock[count];
        for (int i = 0; i < count; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    <T> T with(String sessionId, Supplier<T> work) {
        ReentrantLock lock = stripes[Math.floorMod(sessionId.hashCode(), stripes.length)];
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }
}

package dev.voxloop.intake;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Per-session mutual exclusion inside one process: two requests for the same session queue, requests for different
 * sessions never wait for each other (a lock per session id, not a stripe that unrelated ids can share). A session's
 * lock exists only while some request holds or waits for it, so memory follows the requests in flight. Across
 * processes the repository's version check is the guard.
 */
final class SessionLocks {

    private final ConcurrentHashMap<String, Held> held = new ConcurrentHashMap<>();

    /** A session's lock and how many requests hold or wait for it (changed only inside the map's atomic updates). */
    private static final class Held {
        final ReentrantLock lock = new ReentrantLock();
        int users;
    }

    <T> T with(String sessionId, Supplier<T> work) {
        Held h = held.compute(sessionId, (id, existing) -> {
            Held in = existing == null ? new Held() : existing;
            in.users++;
            return in;
        });
        h.lock.lock();
        try {
            return work.get();
        } finally {
            h.lock.unlock();
            held.computeIfPresent(sessionId, (id, in) -> --in.users == 0 ? null : in);
        }
    }

    /** Sessions whose lock is held or waited for now. */
    int inUse() {
        return held.size();
    }
}

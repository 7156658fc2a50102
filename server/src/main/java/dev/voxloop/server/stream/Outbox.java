package dev.voxloop.server.stream;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One connection's bounded queue of outgoing items. Publishers never block: when the queue is full the client is
 * too slow, the outbox closes itself and the connection is dropped (the client reconnects and resumes).
 */
final class Outbox<T> {

    private static final Object CLOSE = new Object();

    private final ArrayBlockingQueue<Object> queue;
    private volatile boolean closed;
    private volatile boolean overflowed;

    Outbox(int capacity) {
        this.queue = new ArrayBlockingQueue<>(capacity + 1);
    }

    /** Never blocks. Returns false when the outbox is closed or just overflowed. */
    boolean offer(T item) {
        if (closed) {
            return false;
        }
        if (queue.remainingCapacity() <= 1 || !queue.offer(item)) {
            overflowed = true;
            close();
            return false;
        }
        return true;
    }

    /** The next item, or null after {@code idle} without one (time for a heartbeat) or once closed. */
    @SuppressWarnings("unchecked")
    T next(Duration idle) throws InterruptedException {
        if (closed) {
            return null;
        }
        Object o = queue.poll(idle.toMillis(), TimeUnit.MILLISECONDS);
        if (o == CLOSE) {
            return null;
        }
        return (T) o;
    }

    void close() {
        if (!closed) {
            closed = true;
            queue.clear();
            queue.offer(CLOSE);
        }
    }

    boolean closed() {
        return closed;
    }

    boolean overflowed() {
        return overflowed;
    }
}

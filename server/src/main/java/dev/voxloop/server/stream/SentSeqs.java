package dev.voxloop.server.stream;

import java.util.ArrayDeque;
import java.util.HashSet;

/**
 * The sequence numbers a client was sent most recently, in fixed memory. Events can reach a subscriber out of
 * order (two sessions publish at once) and the same event can arrive both by replay and live; this is how a stream
 * sends each one exactly once without assuming order.
 */
final class SentSeqs {

    private final int capacity;
    private final ArrayDeque<Long> order = new ArrayDeque<>();
    private final HashSet<Long> seen = new HashSet<>();

    SentSeqs(int capacity) {
        this.capacity = capacity;
    }

    /** Records {@code seq}; false when it was already sent. */
    boolean add(long seq) {
        if (!seen.add(seq)) {
            return false;
        }
        order.addLast(seq);
        if (order.size() > capacity) {
            seen.remove(order.removeFirst());
        }
        return true;
    }
}

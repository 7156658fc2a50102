package dev.voxloop.server.stream;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Places for stream clients, shared by the status socket, the event socket and SSE: at most {@code max} in all and
 * {@code perAddress} from one client address, so one address opening sockets by the hundred cannot lock everyone
 * else (the console) out.
 */
public final class StreamSlots {

    /** A taken place; release it exactly once when the client is gone (later calls do nothing). */
    interface Slot {
        void release();
    }

    private final int max;
    private final int perAddress;
    private final Map<String, Integer> byAddress = new HashMap<>();
    private int used;

    public StreamSlots(int max, int perAddress) {
        this.max = max;
        this.perAddress = perAddress;
    }

    /** A place for a client from {@code address}, or empty when the server or that address is full. */
    synchronized Optional<Slot> take(String address) {
        int mine = byAddress.getOrDefault(address, 0);
        if (used >= max || mine >= perAddress) {
            return Optional.empty();
        }
        used++;
        byAddress.put(address, mine + 1);
        boolean[] released = {false};
        return Optional.of(() -> {
            synchronized (this) {
                if (!released[0]) {
                    released[0] = true;
                    used--;
                    byAddress.computeIfPresent(address, (a, n) -> n <= 1 ? null : n - 1);
                }
            }
        });
    }

    public synchronized int used() {
        return used;
    }
}

package dev.voxloop.core.testing;

import dev.voxloop.core.webhook.Deliveries;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Test fixture: received webhook deliveries in a map. */
public final class InMemoryDeliveries implements Deliveries {

    private final Map<String, Instant> seen = new ConcurrentHashMap<>();

    @Override
    public boolean firstTime(String source, String id, Instant receivedAt) {
        return seen.putIfAbsent(source + "\n" + id, receivedAt) == null;
    }

    @Override
    public void forget(String source, String id) {
        seen.remove(source + "\n" + id);
    }

    @Override
    public int forgetBefore(Instant before) {
        int n = seen.size();
        seen.values().removeIf(at -> at.isBefore(before));
        return n - seen.size();
    }
}

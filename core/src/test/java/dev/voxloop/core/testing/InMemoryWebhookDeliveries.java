package dev.voxloop.core.testing;

import dev.voxloop.core.webhook.WebhookDeliveries;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/** Webhook deliveries in memory, for tests of receivers (the store's table is tested on its own). */
public final class InMemoryWebhookDeliveries implements WebhookDeliveries {

    private final Set<String> taken = new HashSet<>();

    @Override
    public synchronized boolean firstTime(String source, String id, String event, Instant at) {
        return taken.add(source + "\u0000" + id);
    }

    @Override
    public synchronized void forget(String source, String id) {
        taken.remove(source + "\u0000" + id);
    }
}

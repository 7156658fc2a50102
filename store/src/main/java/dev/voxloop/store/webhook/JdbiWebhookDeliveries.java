package dev.voxloop.store.webhook;

import dev.voxloop.core.webhook.WebhookDeliveries;
import dev.voxloop.store.Database;
import dev.voxloop.store.Unique;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;

/** Deliveries in {@code webhook_deliveries}; the primary key (source, delivery id) makes the first one win. */
public final class JdbiWebhookDeliveries implements WebhookDeliveries {

    private final Jdbi jdbi;

    public JdbiWebhookDeliveries(Database database) {
        this.jdbi = database.jdbi();
    }

    @Override
    public boolean firstTime(String source, String id, String event, Instant at) {
        try {
            jdbi.useHandle(h -> h.createUpdate("INSERT INTO webhook_deliveries (source, delivery_id, event, received_at) "
                            + "VALUES (:source, :id, :event, :at)")
                    .bind("source", source).bind("id", id).bind("event", event).bind("at", at).execute());
            return true;
        } catch (RuntimeException e) {
            if (Unique.violated(e)) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public void forget(String source, String id) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM webhook_deliveries WHERE source = :source AND delivery_id = :id")
                .bind("source", source).bind("id", id).execute());
    }
}

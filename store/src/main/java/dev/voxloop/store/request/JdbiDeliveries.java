package dev.voxloop.store.request;

import dev.voxloop.core.webhook.Deliveries;
import dev.voxloop.store.Database;
import dev.voxloop.store.Times;
import dev.voxloop.store.Unique;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;

/** Received webhook deliveries in {@code webhook_deliveries}; the primary key makes {@link #firstTime} atomic. */
public final class JdbiDeliveries implements Deliveries {

    private final Jdbi jdbi;

    public JdbiDeliveries(Database database) {
        this.jdbi = database.jdbi();
    }

    @Override
    public boolean firstTime(String source, String id, Instant receivedAt) {
        try {
            jdbi.useHandle(h -> h.createUpdate("INSERT INTO webhook_deliveries (source, delivery_id, received_at) "
                            + "VALUES (:source, :id, :at)")
                    .bind("source", source).bind("id", id).bind("at", Times.stored(receivedAt)).execute());
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

    @Override
    public int forgetBefore(Instant before) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM webhook_deliveries WHERE received_at < :before")
                .bind("before", Times.stored(before)).execute());
    }
}

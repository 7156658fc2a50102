package dev.voxloop.core.webhook;

import java.time.Instant;

/**
 * Port: the webhook deliveries already taken, so a redelivered or replayed one is acted on once. A receiver records a
 * delivery before acting on it and forgets it when acting failed, so that a later redelivery is taken again.
 */
public interface WebhookDeliveries {

    /**
     * Records the delivery {@code id} from {@code source} ({@code github}); false when it was recorded before.
     */
    boolean firstTime(String source, String id, String event, Instant at);

    /** Removes a delivery that could not be acted on. */
    void forget(String source, String id);
}

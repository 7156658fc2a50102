package dev.voxloop.core.webhook;

import java.time.Instant;

/**
 * Port: the webhook deliveries already received, kept durably so a replayed delivery (the same signed body sent
 * again, before or after a restart) is refused instead of queueing its ticket a second time.
 */
public interface Deliveries {

    /**
     * Records delivery {@code id} of {@code source}; false (and nothing changes) when it was recorded before.
     * Atomic: of two concurrent calls with the same id exactly one gets true.
     */
    boolean firstTime(String source, String id, Instant receivedAt);

    /** Forgets a delivery whose processing failed, so the sender's retry is taken. */
    void forget(String source, String id);

    /** Drops records older than {@code before} (a replay that old is refused by its timestamp). */
    int forgetBefore(Instant before);
}

package dev.voxloop.core.idempotency;

import java.time.Instant;

/**
 * Port: client-chosen idempotency keys, kept durably. A request that carries a key first claims it for the
 * resource it is about to create (an intake session id); a retry with the same key finds that claim and is
 * answered with the same resource, also after a restart, instead of creating a second one.
 */
public interface IdempotencyKeys {

    /** Who holds a key: the request's fingerprint (a digest of its body) and the resource it created. */
    record Claim(String fingerprint, String resourceId, Instant claimedAt) {
    }

    /**
     * Claims {@code key} in {@code scope} for {@code resourceId} unless it is already claimed; returns the claim
     * in force (this one, or the earlier one). Claims older than {@code expiredBefore} are replaced.
     */
    Claim claim(String scope, String key, String fingerprint, String resourceId, Instant now, Instant expiredBefore);

    /** Releases a claim whose request failed before it created anything, so a retry runs again. */
    void release(String scope, String key, String resourceId);
}

package dev.voxloop.core.testing;

import dev.voxloop.core.idempotency.IdempotencyKeys;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Test fixture: idempotency claims in a map. */
public final class InMemoryIdempotencyKeys implements IdempotencyKeys {

    private final Map<String, Claim> claims = new ConcurrentHashMap<>();

    @Override
    public Claim claim(String scope, String key, String fingerprint, String resourceId, Instant now,
                       Instant expiredBefore) {
        Claim mine = new Claim(fingerprint, resourceId, now);
        return claims.compute(scope + "\n" + key, (k, cur) -> cur == null || cur.claimedAt().isBefore(expiredBefore)
                ? mine : cur);
    }

    @Override
    public void release(String scope, String key, String resourceId) {
        claims.computeIfPresent(scope + "\n" + key, (k, cur) -> cur.resourceId().equals(resourceId) ? null : cur);
    }
}

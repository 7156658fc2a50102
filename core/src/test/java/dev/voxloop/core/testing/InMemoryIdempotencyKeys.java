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
    public boolean takeOver(String scope, String key, String fromResource, String toResource, Instant now) {
        boolean[] moved = {false};
        claims.computeIfPresent(scope + "\n" + key, (k, cur) -> {
            if (!cur.resourceId().equals(fromResource)) {
                return cur;
            }
            moved[0] = true;
            return new Claim(cur.fingerprint(), toResource, now);
        });
        return moved[0];
    }

    @Override
    public void release(String scope, String key, String resourceId) {
        claims.computeIfPresent(scope + "\n" + key, (k, cur) -> cur.resourceId().equals(resourceId) ? null : cur);
    }
}

package dev.voxloop.store.request;

import dev.voxloop.core.idempotency.IdempotencyKeys;
import dev.voxloop.store.Database;
import dev.voxloop.store.Times;
import dev.voxloop.store.Unique;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Idempotency claims in {@code idempotency_keys}. The primary key (scope, key) decides between concurrent first
 * attempts: the insert that loses reads the winner's claim. An expired claim is replaced in place.
 */
public final class JdbiIdempotencyKeys implements IdempotencyKeys {

    private final Jdbi jdbi;

    public JdbiIdempotencyKeys(Database database) {
        this.jdbi = database.jdbi();
    }

    @Override
    public Claim claim(String scope, String key, String fingerprint, String resourceId, Instant now,
                       Instant expiredBefore) {
        Claim mine = new Claim(fingerprint, resourceId, Times.stored(now));
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM idempotency_keys WHERE scope = :scope AND idem_key = :key "
                        + "AND claimed_at < :expired")
                .bind("scope", scope).bind("key", key).bind("expired", Times.stored(expiredBefore)).execute());
        try {
            jdbi.useHandle(h -> h.createUpdate("INSERT INTO idempotency_keys (scope, idem_key, fingerprint, "
                            + "resource_id, claimed_at) VALUES (:scope, :key, :fingerprint, :resource, :at)")
                    .bind("scope", scope).bind("key", key).bind("fingerprint", fingerprint)
                    .bind("resource", resourceId).bind("at", mine.claimedAt()).execute());
            return mine;
        } catch (RuntimeException e) {
            if (!Unique.violated(e)) {
                throw e;
            }
        }
        return jdbi.withHandle(h -> find(h, scope, key)).orElse(mine);
    }

    @Override
    public void release(String scope, String key, String resourceId) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM idempotency_keys WHERE scope = :scope AND idem_key = :key "
                        + "AND resource_id = :resource")
                .bind("scope", scope).bind("key", key).bind("resource", resourceId).execute());
    }

    private static Optional<Claim> find(Handle h, String scope, String key) {
        return h.createQuery("SELECT fingerprint, resource_id, claimed_at FROM idempotency_keys WHERE scope = :scope "
                        + "AND idem_key = :key")
                .bind("scope", scope).bind("key", key)
                .map((r, ctx) -> new Claim(r.getString("fingerprint"), r.getString("resource_id"),
                        Times.read(r, "claimed_at"))).findOne();
    }
}

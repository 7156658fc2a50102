package dev.voxloop.peers.github;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * GitHub Apps: an App (its id and public key) installed once; {@code POST /app/installations/{id}/access_tokens}
 * with a JWT the App signed (RS256, {@code iss} the App id, not expired, at most ten minutes long) answers an
 * installation token valid for {@link #lifetime}, which the API and the git remote then accept until it expires.
 */
public final class PeerApps {

    private record App(String id, PublicKey key, long installation) {
    }

    private final Map<Long, App> installations = new HashMap<>();
    private final Map<String, Instant> tokens = new HashMap<>();
    private Duration lifetime = Duration.ofHours(1);
    private int minted;

    /** Installs an App whose JWTs are checked with {@code key}. */
    public synchronized PeerApps install(String appId, PublicKey key, long installationId) {
        installations.put(installationId, new App(appId, key, installationId));
        return this;
    }

    /** How long an installation token lives (GitHub: one hour). */
    public synchronized PeerApps lifetime(Duration lifetime) {
        this.lifetime = lifetime;
        return this;
    }

    /** Installation tokens handed out so far. */
    public synchronized int minted() {
        return minted;
    }

    synchronized boolean accepts(String token) {
        Instant until = tokens.get(token);
        return until != null && Instant.now().isBefore(until);
    }

    void register(Routes r) {
        r.add("POST", "/app/installations/{installation_id}/access_tokens", this::accessToken);
    }

    /** The App's own call, authenticated by its JWT rather than by a token. */
    private synchronized Answer accessToken(Call c) {
        String authorization = c.authorization();
        App app = installations.get(Long.parseLong(c.param("installation_id")));
        if (app == null) {
            return Answer.notFound();
        }
        if (authorization == null || !authorization.startsWith("Bearer ") || !valid(app, authorization.substring(7))) {
            return Answer.error(401, "A JSON web token could not be decoded");
        }
        String token = "ghs_" + UUID.randomUUID().toString().replace("-", "");
        Instant expires = Instant.now().plus(lifetime);
        tokens.put(token, expires);
        minted++;
        return Answer.created(GitHubPeer.JSON.createObjectNode().put("token", token)
                .put("expires_at", expires.toString()));
    }

    private static boolean valid(App app, String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length != 3) {
            return false;
        }
        try {
            Base64.Decoder url = Base64.getUrlDecoder();
            JsonNode header = GitHubPeer.JSON.readTree(url.decode(parts[0]));
            JsonNode claims = GitHubPeer.JSON.readTree(url.decode(parts[1]));
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initVerify(app.key());
            rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            long now = Instant.now().getEpochSecond();
            long iat = claims.path("iat").asLong();
            long exp = claims.path("exp").asLong();
            return header.path("alg").asText().equals("RS256") && rs256.verify(url.decode(parts[2]))
                    && claims.path("iss").asText().equals(app.id()) && iat <= now + 60 && exp > now
                    && exp - iat <= 600;
        } catch (java.io.IOException | GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}

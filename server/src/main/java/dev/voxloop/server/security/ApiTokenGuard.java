package dev.voxloop.server.security;

import dev.voxloop.core.problem.Problem;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/**
 * The API token check: {@code Authorization: Bearer <token>} or {@code X-API-Token: <token>}, and for browser
 * streams (which cannot set headers) {@code ?token=}. Compared in constant time (both sides hashed first, so not
 * even the length leaks). With no token configured everything passes.
 */
public final class ApiTokenGuard {

    private final byte[] expected;

    public ApiTokenGuard(String token) {
        this.expected = token == null ? null : sha256(token);
    }

    public boolean enabled() {
        return expected != null;
    }

    /** Throws 401 unless one of the presented credentials matches. */
    public void require(String authorization, String apiTokenHeader, String queryToken) {
        if (!accepts(authorization, apiTokenHeader, queryToken)) {
            throw new Problem(Problem.Kind.UNAUTHORIZED,
                    "Missing or wrong API token; send 'Authorization: Bearer <token>'");
        }
    }

    public boolean accepts(String authorization, String apiTokenHeader, String queryToken) {
        if (expected == null) {
            return true;
        }
        boolean ok = false;
        if (authorization != null && authorization.length() > 7
                && authorization.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
            ok |= matches(authorization.substring(7).strip());
        }
        if (apiTokenHeader != null) {
            ok |= matches(apiTokenHeader.strip());
        }
        if (queryToken != null) {
            ok |= matches(queryToken);
        }
        return ok;
    }

    private boolean matches(String presented) {
        return MessageDigest.isEqual(expected, sha256(presented));
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

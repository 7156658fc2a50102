package dev.voxloop.peers.github;

import com.sun.net.httpserver.HttpExchange;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/**
 * Who may call the peer: the API takes the peer's token or a live App installation token as {@code Bearer} (or
 * {@code token}); the git remote takes either as the password of {@code x-access-token} in basic auth.
 */
final class PeerCredentials {

    private static final String GIT_USER = "x-access-token";

    private final String token = "ghp_" + UUID.randomUUID().toString().replace("-", "");
    private final PeerApps apps;

    PeerCredentials(PeerApps apps) {
        this.apps = apps;
    }

    String token() {
        return token;
    }

    /** Null when the API call carries an accepted token, else GitHub's 401. */
    Answer refusedApiCall(HttpExchange ex) {
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        String presented = auth == null ? "" : auth.replaceFirst("^(Bearer|token) ", "");
        if (auth == null || !(presented.equals(token) || apps.accepts(presented))) {
            return Answer.error(401, "Bad credentials");
        }
        return null;
    }

    /** Whether a git request's basic auth names {@code x-access-token} with the token or an installation token. */
    boolean gitAllowed(HttpExchange ex) {
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        String expected = "Basic " + Base64.getEncoder().encodeToString((GIT_USER + ":" + token)
                .getBytes(StandardCharsets.UTF_8));
        return auth != null && (auth.equals(expected) || installationToken(auth));
    }

    static String gitUser() {
        return GIT_USER;
    }

    /** Basic auth whose password is a live installation token (the App's git pushes). */
    private boolean installationToken(String basic) {
        if (!basic.startsWith("Basic ")) {
            return false;
        }
        String pair = new String(Base64.getDecoder().decode(basic.substring(6)), StandardCharsets.UTF_8);
        return pair.startsWith(GIT_USER + ":") && apps.accepts(pair.substring(GIT_USER.length() + 1));
    }
}

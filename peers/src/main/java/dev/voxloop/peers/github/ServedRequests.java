package dev.voxloop.peers.github;

import com.sun.net.httpserver.Headers;
import java.util.ArrayList;
import java.util.List;

/**
 * The requests the API answered, in order, and the primary rate limit they used up (a 304 costs nothing), told in
 * GitHub's {@code x-ratelimit-*} headers on every answer together with the token's scopes.
 */
final class ServedRequests {

    private static final int LIMIT = 5000;

    private final List<GitHubPeer.Served> served = new ArrayList<>();
    private int remaining = LIMIT;
    private String scopes = "repo, workflow";

    synchronized void record(String operation, String path, int status) {
        served.add(new GitHubPeer.Served(operation, path, status));
        if (status != 304 && remaining > 0) {
            remaining--;
        }
    }

    synchronized List<GitHubPeer.Served> all() {
        return List.copyOf(served);
    }

    /** How many answered requests were {@code operation}, on {@code fullName}'s repository (null: any). */
    synchronized long count(String operation, String fullName) {
        return served.stream().filter(s -> s.operation().equals(operation)
                && (fullName == null || (s.path() + "/").startsWith("/repos/" + fullName + "/"))).count();
    }

    synchronized void scopes(String scopes) {
        this.scopes = scopes;
    }

    /** The rate-limit and scope headers of an answer sent now. */
    synchronized void headers(Headers h) {
        h.set("x-ratelimit-limit", String.valueOf(LIMIT));
        h.set("x-ratelimit-remaining", String.valueOf(remaining));
        h.set("x-ratelimit-used", String.valueOf(LIMIT - remaining));
        h.set("x-ratelimit-reset", String.valueOf(System.currentTimeMillis() / 1000 + 3600));
        h.set("x-ratelimit-resource", "core");
        h.set("X-OAuth-Scopes", scopes);
    }
}

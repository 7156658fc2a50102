package dev.voxloop.peers.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import dev.voxloop.peers.contract.OpenApiContract;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One REST API request answered as GitHub would: matched to an operation, validated against GitHub's description
 * (every problem a violation, the request then refused with 422), checked for the API version header and a token,
 * handed to its route (or to a fault the test queued), paged, and given an ETag.
 */
final class RestRequests {

    /** GitHub's documented Accept header; its description lists only application/json as a response type. */
    private static final String RECOMMENDED_ACCEPT = "application/vnd.github+json";

    private final GitHubPeer peer;
    private final Routes routes;
    private final OpenApiContract contract;
    private final PeerCredentials credentials;
    private final InjectedFaults faults;

    RestRequests(GitHubPeer peer, Routes routes, PeerCredentials credentials, InjectedFaults faults) {
        this.peer = peer;
        this.routes = routes;
        this.contract = OpenApiContract.loadFile(GitHubDescriptions.rest(), routes.operations());
        this.credentials = credentials;
        this.faults = faults;
    }

    Answer answer(HttpExchange ex, String rawPath, String body) {
        String method = ex.getRequestMethod();
        Routes.Match m = routes.match(method, rawPath);
        if (m == null) {
            peer.violation(method + " " + rawPath + " is not served by the peer");
            return Answer.notFound();
        }
        String operation = method + " " + m.template();
        List<String> problems = new ArrayList<>(contract.validate(method, rawPath + query(ex), ex.getRequestHeaders(),
                body));
        if (RECOMMENDED_ACCEPT.equals(ex.getRequestHeaders().getFirst("Accept"))) {
            problems.removeIf(p -> p.contains("validation.request.accept.notAllowed"));
        }
        problems.forEach(peer::violation);
        if (!"2022-11-28".equals(ex.getRequestHeaders().getFirst("X-GitHub-Api-Version"))) {
            peer.violation(operation + " without X-GitHub-Api-Version: 2022-11-28");
        }
        String authorization = ex.getRequestHeaders().getFirst("Authorization");
        Answer answer = m.template().startsWith("/app/") ? null : credentials.refusedApiCall(ex);
        if (answer == null && !problems.isEmpty()) {
            answer = Answer.error(422, "Invalid request.\n\n" + problems.get(0));
        }
        if (answer == null) {
            answer = faults.apply(operation, () -> m.route().handler().handle(new Call(method, m.template(),
                    m.params(), queryMap(ex), body.isBlank() ? null : readJson(operation, body), authorization)));
        }
        if (method.equals("GET")) {
            answer = Pages.of(answer, peer.apiUrl() + rawPath, queryMap(ex));
        }
        answer = ETags.conditional(ex, method, answer);
        peer.record(operation, rawPath, answer.status());
        return answer;
    }

    private JsonNode readJson(String operation, String body) {
        try {
            return GitHubPeer.JSON.readTree(body);
        } catch (IOException e) {
            peer.violation(operation + ": the body is not JSON");
            return null;
        }
    }

    private static String query(HttpExchange ex) {
        String q = ex.getRequestURI().getRawQuery();
        return q == null ? "" : "?" + q;
    }

    private static Map<String, String> queryMap(HttpExchange ex) {
        Map<String, String> q = new HashMap<>();
        String raw = ex.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String kv : raw.split("&")) {
                int eq = kv.indexOf('=');
                q.put(GitHubPeer.decode(eq < 0 ? kv : kv.substring(0, eq)),
                        eq < 0 ? "" : GitHubPeer.decode(kv.substring(eq + 1)));
            }
        }
        return q;
    }
}

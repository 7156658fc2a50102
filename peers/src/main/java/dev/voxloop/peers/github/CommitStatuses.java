package dev.voxloop.peers.github;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Commit statuses ({@code success}, {@code failure}, {@code error}, {@code pending}) that CI other than Actions
 * posts on a commit, and the combined status GitHub makes of the latest one per context.
 */
final class CommitStatuses {

    private record Status(String repo, String sha, String context, String state, String description, Instant at) {

        boolean on(String repo, String sha) {
            return this.repo.equals(repo) && this.sha.equals(sha);
        }

        boolean red() {
            return state.equals("failure") || state.equals("error");
        }
    }

    private final List<Status> statuses = new ArrayList<>();

    synchronized void add(String repo, String sha, String context, String state, String description) {
        statuses.add(new Status(repo, sha, context, state, description, Instant.now()));
    }

    /** Puts into {@code passed} each context of {@code sha}: whether its latest status is {@code success}. */
    synchronized void passed(String repo, String sha, Map<String, Boolean> passed) {
        statuses.stream().filter(s -> s.on(repo, sha)).forEach(s -> passed.put(s.context(), s.state().equals("success")));
    }

    /** Puts into {@code red} each context of {@code sha}: whether its latest status is a failure or an error. */
    synchronized void red(String repo, String sha, Map<String, Boolean> red) {
        statuses.stream().filter(s -> s.on(repo, sha)).forEach(s -> red.put(s.context(), s.red()));
    }

    void register(Routes r) {
        r.add("GET", "/repos/{owner}/{repo}/commits/{ref}/status", this::combined);
    }

    private synchronized Answer combined(Call c) {
        Map<String, Status> latest = new LinkedHashMap<>();
        statuses.stream().filter(s -> s.on(c.repo(), c.param("ref"))).forEach(s -> latest.put(s.context(), s));
        ObjectNode n = GitHubPeer.JSON.createObjectNode();
        boolean failed = latest.values().stream().anyMatch(Status::red);
        boolean pending = latest.values().stream().anyMatch(s -> s.state().equals("pending"));
        n.put("state", failed ? "failure" : pending || latest.isEmpty() ? "pending" : "success")
                .put("sha", c.param("ref")).put("total_count", latest.size());
        ArrayNode list = n.putArray("statuses");
        latest.values().forEach(s -> list.addObject().put("context", s.context()).put("state", s.state())
                .put("description", s.description()).put("created_at", s.at().toString())
                .put("updated_at", s.at().toString()).putNull("target_url"));
        return Answer.ok(n);
    }
}

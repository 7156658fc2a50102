package dev.voxloop.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.voxloop.core.forge.Review;
import dev.voxloop.core.forge.ReviewComment;
import dev.voxloop.core.forge.ReviewDraft;
import dev.voxloop.core.problem.Problem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reviews of a pull request with their line comments, and posting one. GitHub does not let the author of a pull
 * request approve it or request changes on it; when voxloop's own token opened it, the verdict is posted as a
 * comment review whose body says it (the review state is then COMMENTED).
 */
final class GitHubReviews {

    private final GitHubApi api;

    GitHubReviews(GitHubApi api) {
        this.api = api;
    }

    List<Review> of(String repo, int number) {
        String base = Paths.repo(repo) + "/pulls/" + number;
        String what = "pull request #" + number + " in " + repo;
        List<JsonNode> reviews = api.pages(base + "/reviews?per_page=100", what, null);
        Map<String, List<ReviewComment>> byReview = new HashMap<>();
        for (JsonNode c : api.pages(base + "/comments?per_page=100", what, null)) {
            byReview.computeIfAbsent(c.path("pull_request_review_id").asText(), k -> new ArrayList<>())
                    .add(GitHubReads.lineComment(c));
        }
        List<Review> out = new ArrayList<>();
        for (JsonNode r : reviews) {
            out.add(GitHubReads.review(r, byReview.getOrDefault(r.path("id").asText(), List.of())));
        }
        return out;
    }

    Review submit(String repo, int number, String headSha, ReviewDraft draft) {
        GitHubApi.Response r = post(repo, number, headSha, draft.verdict().name(), draft.body(), draft.comments());
        if (r.status() == 422 && r.message().contains("your own pull request")
                && draft.verdict() != ReviewDraft.Verdict.COMMENT) {
            String said = (draft.verdict() == ReviewDraft.Verdict.APPROVE ? "**Approved.**" : "**Changes requested.**")
                    + (draft.body().isBlank() ? "" : "\n\n" + draft.body());
            r = post(repo, number, headSha, "COMMENT", said, draft.comments());
        }
        if (!r.ok()) {
            throw new Problem(r.status() == 404 ? Problem.Kind.NOT_FOUND : Problem.Kind.CONFLICT,
                    "GitHub refused the review of #" + number + ": " + r.status() + " " + r.message());
        }
        return GitHubReads.review(r.json(), draft.comments());
    }

    private GitHubApi.Response post(String repo, int number, String headSha, String event, String body,
                                    List<ReviewComment> comments) {
        ObjectNode b = GitHubApi.JSON.createObjectNode().put("commit_id", headSha).put("event", event);
        if (!body.isBlank()) {
            b.put("body", body);
        }
        if (!comments.isEmpty()) {
            ArrayNode list = b.putArray("comments");
            comments.forEach(c -> list.addObject().put("path", c.path()).put("line", c.line()).put("side", "RIGHT")
                    .put("body", c.body()));
        }
        return api.send("POST", Paths.repo(repo) + "/pulls/" + number + "/reviews", b);
    }
}

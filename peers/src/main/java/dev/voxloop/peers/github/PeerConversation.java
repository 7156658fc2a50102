package dev.voxloop.peers.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Conversation comments (issue comments, on issues and pull requests alike), reviews and their line comments. As on
 * GitHub, the author of a pull request cannot approve it or request changes on it (422).
 */
public final class PeerConversation {

    private record Comment(long id, String repo, int number, String author, String body, Instant at) {
    }

    private record ReviewRecord(long id, String repo, int number, String author, String state, String body,
                                String commit, Instant at) {
    }

    private record LineComment(long id, long reviewId, String repo, int number, String path, int line, String body,
                               String author, String commit, Instant at) {
    }

    private final GitHubPeer peer;
    private final PeerPulls pulls;
    private final List<Comment> comments = new ArrayList<>();
    private final List<ReviewRecord> reviews = new ArrayList<>();
    private final List<LineComment> lineComments = new ArrayList<>();
    private long ids = 50_000;

    PeerConversation(GitHubPeer peer, PeerPulls pulls) {
        this.peer = peer;
        this.pulls = pulls;
    }

    /** A review by a person ({@code APPROVED}, {@code CHANGES_REQUESTED}, {@code COMMENTED}) on the current head. */
    public synchronized long review(String repo, int number, String login, String state, String body,
                                    String path, int line, String comment) {
        PeerPull p = pulls.find(repo, number);
        long id = ++ids;
        String head = pulls.headSha(p);
        reviews.add(new ReviewRecord(id, repo, number, login, state, body, head, Instant.now()));
        if (path != null) {
            lineComments.add(new LineComment(++ids, id, repo, number, path, line, comment, login, head, Instant.now()));
        }
        peer.changed(repo);
        return id;
    }

    /** The bodies of the conversation comments on an issue or pull request, oldest first. */
    public synchronized List<String> commentBodies(String repo, int number) {
        return comments.stream().filter(c -> c.repo().equals(repo) && c.number() == number).map(Comment::body).toList();
    }

    void register(Routes r) {
        r.add("GET", "/repos/{owner}/{repo}/issues/{issue_number}/comments", this::listComments);
        r.add("POST", "/repos/{owner}/{repo}/issues/{issue_number}/comments", this::addComment);
        r.add("GET", "/repos/{owner}/{repo}/pulls/{pull_number}/reviews", this::listReviews);
        r.add("POST", "/repos/{owner}/{repo}/pulls/{pull_number}/reviews", this::addReview);
        r.add("GET", "/repos/{owner}/{repo}/pulls/{pull_number}/comments", this::listLineComments);
    }

    private synchronized Answer listComments(Call c) {
        ArrayNode out = GitHubPeer.JSON.createArrayNode();
        comments.stream().filter(x -> x.repo().equals(c.repo()) && x.number() == c.number("issue_number"))
                .forEach(x -> out.add(comment(x)));
        return Answer.ok(out);
    }

    private synchronized Answer addComment(Call c) {
        Comment x = new Comment(++ids, c.repo(), c.number("issue_number"), PeerRepos.LOGIN,
                c.body().path("body").asText(), Instant.now());
        comments.add(x);
        return Answer.created(comment(x));
    }

    private ObjectNode comment(Comment x) {
        ObjectNode n = GitHubPeer.JSON.createObjectNode().put("id", x.id()).put("body", x.body())
                .put("created_at", x.at().toString()).put("updated_at", x.at().toString())
                .put("html_url", "https://github.com/" + x.repo() + "/issues/" + x.number() + "#issuecomment-" + x.id());
        n.set("user", PeerRepos.user(x.author()));
        return n;
    }

    private synchronized Answer listReviews(Call c) {
        if (pulls.find(c.repo(), c.number("pull_number")) == null) {
            return Answer.notFound();
        }
        ArrayNode out = GitHubPeer.JSON.createArrayNode();
        reviews.stream().filter(x -> x.repo().equals(c.repo()) && x.number() == c.number("pull_number"))
                .forEach(x -> out.add(review(x)));
        return Answer.ok(out);
    }

    private synchronized Answer addReview(Call c) {
        PeerPull p = pulls.find(c.repo(), c.number("pull_number"));
        if (p == null) {
            return Answer.notFound();
        }
        JsonNode b = c.body();
        String event = b.path("event").asText("");
        String state = switch (event) {
            case "APPROVE" -> "APPROVED";
            case "REQUEST_CHANGES" -> "CHANGES_REQUESTED";
            case "COMMENT" -> "COMMENTED";
            default -> "PENDING";
        };
        if (p.author.equals(PeerRepos.LOGIN) && (event.equals("APPROVE") || event.equals("REQUEST_CHANGES"))) {
            return Answer.error(422, "Unprocessable Entity: Can not " + (event.equals("APPROVE") ? "approve"
                    : "request changes on") + " your own pull request");
        }
        String head = b.hasNonNull("commit_id") ? b.get("commit_id").asText() : pulls.headSha(p);
        ReviewRecord x = new ReviewRecord(++ids, c.repo(), p.number, PeerRepos.LOGIN, state,
                b.path("body").asText(""), head, Instant.now());
        reviews.add(x);
        for (JsonNode lc : b.path("comments")) {
            lineComments.add(new LineComment(++ids, x.id(), c.repo(), p.number, lc.path("path").asText(),
                    lc.path("line").asInt(), lc.path("body").asText(), PeerRepos.LOGIN, head, Instant.now()));
        }
        return Answer.ok(review(x));
    }

    private ObjectNode review(ReviewRecord x) {
        ObjectNode n = GitHubPeer.JSON.createObjectNode().put("id", x.id()).put("state", x.state())
                .put("body", x.body()).put("commit_id", x.commit()).put("submitted_at", x.at().toString())
                .put("html_url", "https://github.com/" + x.repo() + "/pull/" + x.number() + "#pullrequestreview-"
                        + x.id());
        n.set("user", PeerRepos.user(x.author()));
        return n;
    }

    private synchronized Answer listLineComments(Call c) {
        ArrayNode out = GitHubPeer.JSON.createArrayNode();
        lineComments.stream().filter(x -> x.repo().equals(c.repo()) && x.number() == c.number("pull_number"))
                .forEach(x -> {
                    ObjectNode n = out.addObject().put("id", x.id()).put("pull_request_review_id", x.reviewId())
                            .put("path", x.path()).put("line", x.line()).put("side", "RIGHT").put("body", x.body())
                            .put("commit_id", x.commit()).put("created_at", x.at().toString());
                    n.set("user", PeerRepos.user(x.author()));
                });
        return Answer.ok(out);
    }
}

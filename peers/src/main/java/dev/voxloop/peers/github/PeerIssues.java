package dev.voxloop.peers.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Issues: create, read, edit or close with a reason, add labels, and search by text ({@code /search/issues}). */
public final class PeerIssues {

    private static final class Issue {
        final String repo;
        final int number;
        final long id;
        String title;
        String body;
        String state = "open";
        String stateReason;
        final Set<String> labels = new LinkedHashSet<>();
        final Instant createdAt = Instant.now();
        Instant updatedAt = createdAt;

        Issue(String repo, int number, long id, String title, String body) {
            this.repo = repo;
            this.number = number;
            this.id = id;
            this.title = title;
            this.body = body;
        }
    }

    private final PeerRepos repos;
    private final List<Issue> issues = new ArrayList<>();
    private long ids = 30_000;

    PeerIssues(GitHubPeer peer, PeerRepos repos) {
        this.repos = repos;
    }

    /** How many issues a repository holds. */
    public synchronized long count(String repo) {
        return issues.stream().filter(i -> i.repo.equals(repo)).count();
    }

    void register(Routes r) {
        r.add("POST", "/repos/{owner}/{repo}/issues", this::create);
        r.add("GET", "/repos/{owner}/{repo}/issues", this::list);
        r.add("GET", "/repos/{owner}/{repo}/issues/{issue_number}", c -> one(c, i -> Answer.ok(json(i))));
        r.add("PATCH", "/repos/{owner}/{repo}/issues/{issue_number}", c -> one(c, i -> edit(i, c.body())));
        r.add("POST", "/repos/{owner}/{repo}/issues/{issue_number}/labels", c -> one(c, i -> label(i, c.body())));
        r.add("GET", "/search/issues", this::search);
    }

    private synchronized Answer one(Call c, java.util.function.Function<Issue, Answer> f) {
        int n = c.number("issue_number");
        return issues.stream().filter(i -> i.repo.equals(c.repo()) && i.number == n).findFirst().map(f)
                .orElseGet(Answer::notFound);
    }

    private synchronized Answer create(Call c) {
        if (!repos.exists(c.repo())) {
            return Answer.notFound();
        }
        Issue i = new Issue(c.repo(), repos.nextNumber(c.repo()), ++ids, c.body().path("title").asText(),
                c.body().path("body").asText(""));
        c.body().path("labels").forEach(l -> i.labels.add(l.isTextual() ? l.asText() : l.path("name").asText()));
        issues.add(i);
        return Answer.created(json(i));
    }

    private Answer edit(Issue i, JsonNode b) {
        i.updatedAt = Instant.now();
        if (b.hasNonNull("title")) {
            i.title = b.get("title").asText();
        }
        if (b.hasNonNull("body")) {
            i.body = b.get("body").asText();
        }
        if (b.has("labels")) {
            i.labels.clear();
            b.get("labels").forEach(l -> i.labels.add(l.isTextual() ? l.asText() : l.path("name").asText()));
        }
        if (b.hasNonNull("state")) {
            i.state = b.get("state").asText();
            i.stateReason = b.path("state_reason").asText(i.state.equals("closed") ? "completed" : null);
        }
        return Answer.ok(json(i));
    }

    private synchronized Answer list(Call c) {
        String state = c.query("state", "open");
        ArrayNode out = GitHubPeer.JSON.createArrayNode();
        issues.stream().filter(i -> i.repo.equals(c.repo()))
                .filter(i -> state.equals("all") || i.state.equals(state))
                .sorted((a, b) -> Integer.compare(b.number, a.number))
                .limit(Integer.parseInt(c.query("per_page", "30"))).forEach(i -> out.add(json(i)));
        return Answer.ok(out);
    }

    private Answer label(Issue i, JsonNode b) {
        JsonNode list = b.has("labels") ? b.get("labels") : b;
        list.forEach(l -> i.labels.add(l.isTextual() ? l.asText() : l.path("name").asText()));
        ArrayNode out = GitHubPeer.JSON.createArrayNode();
        i.labels.forEach(l -> out.addObject().put("name", l).put("color", "ededed"));
        return Answer.ok(out);
    }

    private synchronized Answer search(Call c) {
        String repo = null;
        List<String> words = new ArrayList<>();
        for (String t : c.query("q", "").split(" (?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)")) {
            if (t.startsWith("repo:")) {
                repo = t.substring(5);
            } else if (!t.startsWith("is:") && !t.startsWith("in:") && !t.isBlank()) {
                words.add(t.replace("\"", ""));
            }
        }
        String inRepo = repo;
        List<Issue> found = issues.stream().filter(i -> inRepo == null || i.repo.equals(inRepo))
                .filter(i -> words.stream().allMatch(w -> (i.title + "\n" + i.body).contains(w))).toList();
        ObjectNode n = GitHubPeer.JSON.createObjectNode().put("total_count", found.size())
                .put("incomplete_results", false);
        ArrayNode items = n.putArray("items");
        found.forEach(i -> items.add(json(i)));
        return Answer.ok(n);
    }

    private ObjectNode json(Issue i) {
        ObjectNode n = GitHubPeer.JSON.createObjectNode().put("id", i.id).put("number", i.number)
                .put("title", i.title).put("body", i.body).put("state", i.state).put("state_reason", i.stateReason)
                .put("html_url", "https://github.com/" + i.repo + "/issues/" + i.number)
                .put("repository_url", "https://api.github.com/repos/" + i.repo)
                .put("created_at", i.createdAt.toString()).put("updated_at", i.updatedAt.toString());
        ArrayNode labels = n.putArray("labels");
        i.labels.forEach(l -> labels.addObject().put("name", l));
        n.set("user", PeerRepos.user(PeerRepos.LOGIN));
        return n;
    }
}

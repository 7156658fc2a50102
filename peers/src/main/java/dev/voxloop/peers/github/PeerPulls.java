package dev.voxloop.peers.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Pull requests: create (422 when one is already open for the head, as GitHub answers), list, get with the mergeable
 * state, edit or close, merge at an expected head (409 when it moved, 405 when GitHub would not merge), commits
 * and files.
 */
public final class PeerPulls {

    private final GitHubPeer peer;
    private final HostedGit git;
    private final PeerRepos repos;
    private final PeerChecks checks;
    private final List<PeerPull> pulls = new ArrayList<>();
    private final AtomicLong ids = new AtomicLong(70_000);
    private int merges;

    PeerPulls(GitHubPeer peer, HostedGit git, PeerRepos repos, PeerChecks checks) {
        this.peer = peer;
        this.git = git;
        this.repos = repos;
        this.checks = checks;
    }

    /** Every pull request of a repository, in the order they were opened. */
    public synchronized List<Integer> numbers(String repo) {
        return pulls.stream().filter(p -> p.repo.equals(repo)).map(p -> p.number).toList();
    }

    /** How many merges GitHub carried out. */
    public synchronized int merges() {
        return merges;
    }

    synchronized PeerPull find(String repo, int number) {
        return pulls.stream().filter(p -> p.repo.equals(repo) && p.number == number).findFirst().orElse(null);
    }

    void register(Routes r) {
        r.add("GET", "/repos/{owner}/{repo}/pulls", this::list);
        r.add("POST", "/repos/{owner}/{repo}/pulls", this::create);
        r.add("GET", "/repos/{owner}/{repo}/pulls/{pull_number}", c -> one(c, p -> Answer.ok(json(p))));
        r.add("PATCH", "/repos/{owner}/{repo}/pulls/{pull_number}", c -> one(c, p -> edit(p, c.body())));
        r.add("PUT", "/repos/{owner}/{repo}/pulls/{pull_number}/merge", c -> one(c, p -> merge(p, c.body())));
        r.add("GET", "/repos/{owner}/{repo}/pulls/{pull_number}/commits", c -> one(c, this::commits));
        r.add("GET", "/repos/{owner}/{repo}/pulls/{pull_number}/files", c -> one(c, p -> new PeerDiff(git).files(p, headSha(p))));
    }

    private synchronized Answer one(Call c, java.util.function.Function<PeerPull, Answer> f) {
        PeerPull p = find(c.repo(), c.number("pull_number"));
        return p == null ? Answer.notFound() : f.apply(p);
    }

    private synchronized Answer list(Call c) {
        String state = c.query("state", "open");
        String head = c.query("head", null);
        ArrayNode out = GitHubPeer.JSON.createArrayNode();
        pulls.stream().filter(p -> p.repo.equals(c.repo()))
                .filter(p -> state.equals("all") || (state.equals("open") == p.open))
                .filter(p -> head == null || head.equals(c.param("owner") + ":" + p.head))
                .sorted(Comparator.comparing((PeerPull p) -> p.number).reversed())
                .limit(Integer.parseInt(c.query("per_page", "30")))
                .forEach(p -> out.add(json(p)));
        return Answer.ok(out);
    }

    private synchronized Answer create(Call c) {
        JsonNode b = c.body();
        String head = b.path("head").asText();
        head = head.contains(":") ? head.substring(head.indexOf(':') + 1) : head;
        String base = b.path("base").asText();
        String sha = git.tip(c.repo(), head);
        if (!repos.exists(c.repo())) {
            return Answer.notFound();
        }
        if (sha == null || git.tip(c.repo(), base) == null) {
            return Answer.error(422, "Validation Failed: head or base does not exist");
        }
        for (PeerPull p : pulls) {
            if (p.repo.equals(c.repo()) && p.open && p.head.equals(head)) {
                return Answer.error(422, "Validation Failed: A pull request already exists for "
                        + c.param("owner") + ":" + head + ".");
            }
        }
        PeerPull p = new PeerPull(c.repo(), repos.nextNumber(c.repo()), ids.incrementAndGet(),
                b.path("title").asText(), b.path("body").asText(""), head, base, PeerRepos.LOGIN, sha);
        pulls.add(p);
        return Answer.created(json(p));
    }

    private Answer edit(PeerPull p, JsonNode b) {
        if (b.hasNonNull("title")) {
            p.title = b.get("title").asText();
        }
        if (b.hasNonNull("body")) {
            p.body = b.get("body").asText();
        }
        if (b.path("state").asText().equals("closed") && p.open) {
            p.lastHead = headSha(p);
            p.open = false;
            p.closedAt = Instant.now();
        }
        p.updatedAt = Instant.now();
        return Answer.ok(json(p));
    }

    private Answer merge(PeerPull p, JsonNode b) {
        if (!p.open) {
            return Answer.error(405, "Pull Request is not mergeable");
        }
        String head = headSha(p);
        if (b.hasNonNull("sha") && !b.get("sha").asText().equals(head)) {
            return Answer.error(409, "Head branch was modified. Review and try the merge again.");
        }
        String method = b.path("merge_method").asText("merge");
        if (method.equals("rebase")) {
            return Answer.error(405, "Rebase merges are not allowed on this repository.");
        }
        String missing = checks.failingRequired(p.repo, head, repos.required(p.repo, p.base));
        if (missing != null) {
            return Answer.error(405, "Required status check \"" + missing + "\" is expected.");
        }
        String baseTip = git.tip(p.repo, p.base);
        String tree = git.mergedTree(p.repo, baseTip, head);
        if (tree == null) {
            return Answer.error(405, "Pull Request is not mergeable");
        }
        String title = b.hasNonNull("commit_title") ? b.get("commit_title").asText()
                : method.equals("squash") ? p.title + " (#" + p.number + ")"
                : "Merge pull request #" + p.number + " from " + p.repo.split("/")[0] + "/" + p.head;
        String message = title + (b.hasNonNull("commit_message") ? "\n\n" + b.get("commit_message").asText() : "");
        String commit = method.equals("squash") ? git.commitTree(p.repo, tree, message, baseTip)
                : git.commitTree(p.repo, tree, message, baseTip, head);
        if (!git.moveBranch(p.repo, p.base, commit, baseTip)) {
            return Answer.error(409, "Base branch was modified. Review and try the merge again.");
        }
        merges++;
        p.open = false;
        p.merged = true;
        p.mergeCommit = commit;
        p.lastHead = head;
        p.mergedBy = PeerRepos.LOGIN;
        p.closedAt = Instant.now();
        p.updatedAt = p.closedAt;
        return Answer.ok(GitHubPeer.JSON.createObjectNode().put("sha", commit).put("merged", true)
                .put("message", "Pull Request successfully merged"));
    }

    private Answer commits(PeerPull p) {
        ArrayNode out = GitHubPeer.JSON.createArrayNode();
        for (String[] c : git.commits(p.repo, p.base, headSha(p))) {
            ObjectNode n = out.addObject().put("sha", c[0]);
            n.putObject("commit").put("message", c[3].strip())
                    .putObject("author").put("name", c[1]).put("date", c[2]);
            n.set("author", PeerRepos.user(c[1]));
        }
        return Answer.ok(out);
    }

    String headSha(PeerPull p) {
        if (!p.open) {
            return p.lastHead;
        }
        String tip = git.tip(p.repo, p.head);
        if (tip != null) {
            p.lastHead = tip;
        }
        return p.lastHead;
    }

    ObjectNode json(PeerPull p) {
        String head = headSha(p);
        ObjectNode n = GitHubPeer.JSON.createObjectNode();
        String owner = p.repo.split("/")[0];
        n.put("id", p.id).put("number", p.number).put("state", p.open ? "open" : "closed").put("title", p.title)
                .put("body", p.body).put("draft", false).put("locked", false)
                .put("url", peer.apiUrl() + "/repos/" + p.repo + "/pulls/" + p.number)
                .put("html_url", "https://github.com/" + p.repo + "/pull/" + p.number)
                .put("created_at", p.createdAt.toString()).put("updated_at", p.updatedAt.toString())
                .put("merged", p.merged).put("merge_commit_sha", p.mergeCommit);
        n.put("closed_at", p.closedAt == null ? null : p.closedAt.toString());
        n.put("merged_at", p.merged ? p.closedAt.toString() : null);
        n.set("user", PeerRepos.user(p.author));
        n.set("merged_by", p.merged ? PeerRepos.user(p.mergedBy) : null);
        n.putObject("head").put("ref", p.head).put("sha", head).put("label", owner + ":" + p.head)
                .putObject("repo").put("full_name", p.repo);
        n.putObject("base").put("ref", p.base).put("sha", git.tip(p.repo, p.base)).put("label", owner + ":" + p.base)
                .putObject("repo").put("full_name", p.repo);
        Map.Entry<Boolean, String> m = mergeable(p, head);
        n.put("mergeable", m.getKey()).put("mergeable_state", m.getValue());
        return n;
    }

    private Map.Entry<Boolean, String> mergeable(PeerPull p, String head) {
        if (!p.open) {
            return Map.entry(false, "unknown");
        }
        if (git.mergedTree(p.repo, git.tip(p.repo, p.base), head) == null) {
            return Map.entry(false, "dirty");
        }
        List<String> required = repos.required(p.repo, p.base);
        if (required != null && checks.failingRequired(p.repo, head, required) != null) {
            return Map.entry(true, "blocked");
        }
        if (checks.anyFailed(p.repo, head)) {
            return Map.entry(true, "unstable");
        }
        return Map.entry(true, "clean");
    }
}

package dev.voxloop.peers.github;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Repositories: their description, branch protection, branch deletion, and who the token belongs to. */
final class PeerRepos {

    static final String LOGIN = "voxloop-bot";

    private final GitHubPeer peer;
    private final HostedGit git;
    private final Set<String> names = ConcurrentHashMap.newKeySet();
    private final Map<String, List<String>> protection = new HashMap<>();
    private final Map<String, Integer> numbers = new HashMap<>();

    PeerRepos(GitHubPeer peer, HostedGit git) {
        this.peer = peer;
        this.git = git;
    }

    void add(String fullName) {
        names.add(fullName);
    }

    boolean exists(String fullName) {
        return names.contains(fullName);
    }

    /** Issues and pull requests share one sequence of numbers per repository, as on GitHub. */
    synchronized int nextNumber(String fullName) {
        return numbers.merge(fullName, 1, Integer::sum);
    }

    synchronized void protect(String fullName, String branch, List<String> contexts) {
        protection.put(fullName + ":" + branch, List.copyOf(contexts));
    }

    synchronized List<String> required(String fullName, String branch) {
        return protection.get(fullName + ":" + branch);
    }

    void register(Routes r) {
        r.add("GET", "/repos/{owner}/{repo}", this::repository);
        r.add("GET", "/repos/{owner}/{repo}/branches/{branch}/protection", this::protection);
        r.add("DELETE", "/repos/{owner}/{repo}/git/refs/{ref}", this::deleteRef);
        r.add("GET", "/user", c -> Answer.ok(user(LOGIN)));
        r.add("GET", "/rate_limit", c -> {
            ObjectNode n = GitHubPeer.JSON.createObjectNode();
            n.putObject("resources").putObject("core").put("limit", 5000).put("remaining", 4999).put("used", 1)
                    .put("reset", System.currentTimeMillis() / 1000 + 3600);
            n.putObject("rate").put("limit", 5000).put("remaining", 4999).put("used", 1)
                    .put("reset", System.currentTimeMillis() / 1000 + 3600);
            return Answer.ok(n);
        });
    }

    static ObjectNode user(String login) {
        return GitHubPeer.JSON.createObjectNode().put("login", login).put("id", Math.abs(login.hashCode()))
                .put("type", login.endsWith("[bot]") ? "Bot" : "User");
    }

    private Answer repository(Call c) {
        if (!exists(c.repo())) {
            return Answer.notFound();
        }
        ObjectNode n = GitHubPeer.JSON.createObjectNode();
        n.put("id", Math.abs(c.repo().hashCode())).put("name", c.param("repo")).put("full_name", c.repo())
                .put("default_branch", "main").put("private", true)
                .put("html_url", "https://github.com/" + c.repo()).put("clone_url", peer.cloneUrl(c.repo()))
                .put("allow_squash_merge", true).put("allow_merge_commit", true).put("allow_rebase_merge", false);
        n.set("owner", user(c.param("owner")));
        n.putObject("permissions").put("admin", false).put("push", true).put("pull", true);
        return Answer.ok(n);
    }

    private Answer protection(Call c) {
        List<String> contexts = required(c.repo(), c.param("branch"));
        if (contexts == null) {
            return Answer.error(404, "Branch not protected");
        }
        ObjectNode n = GitHubPeer.JSON.createObjectNode();
        n.put("url", peer.apiUrl() + "/repos/" + c.repo() + "/branches/" + c.param("branch") + "/protection");
        ObjectNode checks = n.putObject("required_status_checks");
        checks.put("strict", false);
        var ctx = checks.putArray("contexts");
        var list = checks.putArray("checks");
        contexts.forEach(name -> {
            ctx.add(name);
            list.addObject().put("context", name).putNull("app_id");
        });
        n.putObject("enforce_admins").put("enabled", true).put("url", peer.apiUrl());
        return Answer.ok(n);
    }

    private Answer deleteRef(Call c) {
        String ref = c.param("ref");
        if (!exists(c.repo()) || !ref.startsWith("heads/")) {
            return Answer.error(422, "Reference does not exist");
        }
        String branch = ref.substring("heads/".length());
        if (branch.equals("main")) {
            return Answer.error(422, "Cannot delete the default branch");
        }
        if (git.tip(c.repo(), branch) == null || !git.deleteBranch(c.repo(), branch)) {
            return Answer.error(422, "Reference does not exist");
        }
        return Answer.noContent();
    }
}

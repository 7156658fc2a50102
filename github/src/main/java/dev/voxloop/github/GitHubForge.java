package dev.voxloop.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.voxloop.core.forge.Check;
import dev.voxloop.core.forge.CodeForge;
import dev.voxloop.core.forge.FileChange;
import dev.voxloop.core.forge.ForgeRepository;
import dev.voxloop.core.forge.MergeOutcome;
import dev.voxloop.core.forge.MergeRequest;
import dev.voxloop.core.forge.PullRequest;
import dev.voxloop.core.forge.PullRequestComment;
import dev.voxloop.core.forge.PullRequestCommit;
import dev.voxloop.core.forge.PullRequestDraft;
import dev.voxloop.core.forge.PullRequestState;
import dev.voxloop.core.forge.Review;
import dev.voxloop.core.forge.ReviewDraft;
import dev.voxloop.core.problem.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * GitHub as the {@link CodeForge}, over its REST API ({@link GitHubApi}). A pull request is opened exactly once: the
 * open pull request for the head branch is looked up before {@code POST /pulls}, and again after a timeout, a 5xx or
 * GitHub's "already exists", since GitHub may have created it.
 */
public final class GitHubForge implements CodeForge {

    private static final int CREATE_ATTEMPTS = 3;

    private final GitHubApi api;
    private final GitHubChecks checks;
    private final GitHubReviews reviews;
    private final GitHubMerge merging;

    public GitHubForge(GitHubApi api) {
        this.api = api;
        this.checks = new GitHubChecks(api);
        this.reviews = new GitHubReviews(api);
        this.merging = new GitHubMerge(api);
    }

    @Override
    public String name() {
        return "github";
    }

    @Override
    public ForgeRepository repository(String repository) {
        JsonNode n = api.get(Paths.repo(repository)).body("repository " + repository);
        return new ForgeRepository(n.path("full_name").asText(repository), n.path("default_branch").asText("main"),
                n.path("clone_url").asText(), GitHubReads.text(n, "html_url"));
    }

    @Override
    public PullRequest open(String repository, PullRequestDraft draft) {
        Problem last = null;
        for (int attempt = 1; attempt <= CREATE_ATTEMPTS; attempt++) {
            Optional<PullRequest> existing = findOpen(repository, draft.head());
            if (existing.isPresent()) {
                return existing.get();
            }
            ObjectNode body = GitHubApi.JSON.createObjectNode().put("title", draft.title()).put("body", draft.body())
                    .put("head", draft.head()).put("base", draft.base());
            GitHubApi.Response r;
            try {
                r = api.send("POST", Paths.repo(repository) + "/pulls", body);
            } catch (Problem p) {
                if (p.kind() != Problem.Kind.TIMEOUT && p.kind() != Problem.Kind.UPSTREAM) {
                    throw p;
                }
                last = p;
                continue;
            }
            if (r.ok()) {
                return GitHubReads.pullRequest(r.json());
            }
            if (r.status() == 422 && r.message().contains("already exists")) {
                continue;
            }
            if (r.status() == 422) {
                throw Problem.conflict("GitHub will not open a pull request from " + draft.head() + " into "
                        + draft.base() + ": " + r.message());
            }
            r.body("repository " + repository);
        }
        throw last != null ? last : Problem.conflict("GitHub kept refusing the pull request from " + draft.head());
    }

    @Override
    public Optional<PullRequest> findOpen(String repository, String headBranch) {
        JsonNode list = api.get(Paths.repo(repository) + "/pulls?state=open&per_page=5&head="
                + Paths.seg(Paths.owner(repository) + ":" + headBranch)).body("repository " + repository);
        return list.isEmpty() ? Optional.empty() : Optional.of(GitHubReads.pullRequest(list.get(0)));
    }

    @Override
    public PullRequest pullRequest(String repository, int number) {
        return GitHubReads.pullRequest(api.get(pulls(repository, number)).body("pull request #" + number));
    }

    @Override
    public List<PullRequest> pullRequests(String repository, PullRequestState state, int limit) {
        String filter = state == null ? "all" : state == PullRequestState.OPEN ? "open" : "closed";
        JsonNode list = api.get(Paths.repo(repository) + "/pulls?state=" + filter
                + "&sort=created&direction=desc&per_page=" + Math.min(100, Math.max(1, limit)))
                .body("repository " + repository);
        List<PullRequest> out = new ArrayList<>();
        for (JsonNode n : list) {
            PullRequest p = GitHubReads.pullRequest(n);
            if ((state == null || p.state() == state) && out.size() < limit) {
                out.add(p);
            }
        }
        return out;
    }

    @Override
    public PullRequest edit(String repository, int number, String title, String body) {
        ObjectNode b = GitHubApi.JSON.createObjectNode();
        if (title != null) {
            b.put("title", title);
        }
        if (body != null) {
            b.put("body", body);
        }
        return GitHubReads.pullRequest(api.send("PATCH", pulls(repository, number), b)
                .body("pull request #" + number));
    }

    @Override
    public PullRequest close(String repository, int number) {
        PullRequest now = pullRequest(repository, number);
        if (!now.open()) {
            return now;
        }
        ObjectNode b = GitHubApi.JSON.createObjectNode().put("state", "closed");
        return GitHubReads.pullRequest(api.send("PATCH", pulls(repository, number), b)
                .body("pull request #" + number));
    }

    @Override
    public List<PullRequestCommit> commits(String repository, int number) {
        return list(pulls(repository, number) + "/commits?per_page=100", "pull request #" + number, GitHubReads::commit);
    }

    @Override
    public List<FileChange> files(String repository, int number) {
        return list(pulls(repository, number) + "/files?per_page=100", "pull request #" + number, GitHubReads::file);
    }

    @Override
    public List<Check> checks(String repository, String headSha) {
        return checks.of(repository, headSha);
    }

    @Override
    public String checkLog(String repository, String checkId) {
        return checks.log(repository, checkId);
    }

    @Override
    public void rerun(String repository, String checkId) {
        checks.rerun(repository, checkId);
    }

    @Override
    public Set<String> requiredChecks(String repository, String branch) {
        return checks.required(repository, branch);
    }

    @Override
    public List<PullRequestComment> comments(String repository, int number) {
        return list(Paths.repo(repository) + "/issues/" + number + "/comments?per_page=100", "pull request #" + number,
                GitHubReads::comment);
    }

    @Override
    public PullRequestComment comment(String repository, int number, String body) {
        ObjectNode b = GitHubApi.JSON.createObjectNode().put("body", body);
        return GitHubReads.comment(api.send("POST", Paths.repo(repository) + "/issues/" + number + "/comments", b)
                .body("pull request #" + number));
    }

    @Override
    public List<Review> reviews(String repository, int number) {
        return reviews.of(repository, number);
    }

    @Override
    public Review submitReview(String repository, int number, ReviewDraft draft) {
        return reviews.submit(repository, number, pullRequest(repository, number).headSha(), draft);
    }

    @Override
    public MergeOutcome merge(String repository, int number, MergeRequest request) {
        return merging.merge(repository, number, request, n -> pullRequest(repository, n));
    }

    @Override
    public void deleteBranch(String repository, String branch) {
        if (repository(repository).defaultBranch().equals(branch)) {
            throw Problem.conflict("the default branch " + branch + " of " + repository + " is not deleted");
        }
        GitHubApi.Response r = api.send("DELETE", Paths.repo(repository) + "/git/refs/" + Paths.seg("heads/" + branch),
                null);
        if (r.ok() || r.status() == 422) {
            return;
        }
        r.body("branch " + branch);
    }

    private static String pulls(String repository, int number) {
        return Paths.repo(repository) + "/pulls/" + number;
    }

    private <T> List<T> list(String path, String what, Function<JsonNode, T> map) {
        List<T> out = new ArrayList<>();
        api.pages(path, what, null).forEach(n -> out.add(map.apply(n)));
        return out;
    }

}

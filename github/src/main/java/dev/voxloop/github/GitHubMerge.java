package dev.voxloop.github;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.voxloop.core.forge.MergeOutcome;
import dev.voxloop.core.forge.MergeRequest;
import dev.voxloop.core.forge.Mergeability;
import dev.voxloop.core.forge.PullRequest;
import dev.voxloop.core.problem.Problem;
import java.util.Locale;
import java.util.function.IntFunction;

/**
 * {@code PUT /pulls/{n}/merge} with the expected head as {@code sha}, exactly once: the pull request is read first (a
 * merged one reports its merge commit), a refusal for a rate limit is sent again by the transport (GitHub did nothing),
 * and after a timeout or a 5xx the pull request is read again, since GitHub may have merged it.
 */
final class GitHubMerge {

    private final GitHubApi api;

    GitHubMerge(GitHubApi api) {
        this.api = api;
    }

    MergeOutcome merge(String repo, int number, MergeRequest request, IntFunction<PullRequest> read) {
        PullRequest before = read.apply(number);
        if (before.merged()) {
            return new MergeOutcome.Merged(before.mergeCommit(), true);
        }
        if (!before.open()) {
            return new MergeOutcome.NotMergeable(Mergeability.BLOCKED, "the pull request is closed");
        }
        if (!before.headSha().equals(request.expectedHead())) {
            return new MergeOutcome.HeadMoved(before.headSha());
        }
        ObjectNode body = GitHubApi.JSON.createObjectNode().put("sha", request.expectedHead())
                .put("merge_method", request.method().name().toLowerCase(Locale.ROOT));
        if (request.commitTitle() != null) {
            body.put("commit_title", request.commitTitle());
        }
        if (request.commitMessage() != null) {
            body.put("commit_message", request.commitMessage());
        }
        GitHubApi.Response r;
        try {
            r = api.send("PUT", Paths.repo(repo) + "/pulls/" + number + "/merge", body);
        } catch (Problem p) {
            if (p.kind() != Problem.Kind.TIMEOUT && p.kind() != Problem.Kind.UPSTREAM) {
                throw p;
            }
            PullRequest after = read.apply(number);
            if (after.merged()) {
                return new MergeOutcome.Merged(after.mergeCommit(), false);
            }
            throw p;
        }
        if (r.ok()) {
            return new MergeOutcome.Merged(r.json().path("sha").asText(), false);
        }
        PullRequest after = read.apply(number);
        if (after.merged()) {
            return new MergeOutcome.Merged(after.mergeCommit(), true);
        }
        return switch (r.status()) {
            case 409 -> after.headSha().equals(request.expectedHead())
                    ? new MergeOutcome.NotMergeable(Mergeability.BEHIND, r.message())
                    : new MergeOutcome.HeadMoved(after.headSha());
            case 405, 422 -> new MergeOutcome.NotMergeable(after.mergeable() == Mergeability.CLEAN
                    ? Mergeability.BLOCKED : after.mergeable(), r.message());
            case 403 -> throw new Problem(Problem.Kind.UNAUTHORIZED, "GitHub will not let this token merge #"
                    + number + ": " + r.message());
            case 404 -> throw Problem.notFound("GitHub has no pull request #" + number + " in " + repo);
            default -> throw new Problem(Problem.Kind.UPSTREAM, "GitHub refused the merge of #" + number + ": "
                    + r.status() + " " + r.message());
        };
    }
}

package dev.voxloop.github;

import com.fasterxml.jackson.databind.JsonNode;
import dev.voxloop.core.forge.Check;
import dev.voxloop.core.problem.Problem;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The checks of a commit: check runs (GitHub Actions and other apps; the newest run of each name) and commit statuses
 * (other CI); the log of a failed Actions job; re-running a workflow run's failed jobs; and the checks branch
 * protection requires.
 */
final class GitHubChecks {

    private static final Logger LOG = LoggerFactory.getLogger(GitHubChecks.class);
    static final int LOG_LIMIT = 64 * 1024;

    private final GitHubApi api;

    GitHubChecks(GitHubApi api) {
        this.api = api;
    }

    List<Check> of(String repo, String sha) {
        String base = Paths.repo(repo) + "/commits/" + Paths.seg(sha);
        String what = "commit " + sha + " in " + repo;
        List<JsonNode> runs = api.pages(base + "/check-runs?per_page=100", what, "check_runs");
        List<JsonNode> statuses = api.pages(base + "/status?per_page=100", what, "statuses");
        List<Check> checks = new ArrayList<>();
        for (JsonNode n : runs) {
            checks.add(GitHubReads.checkRun(n));
        }
        for (JsonNode n : statuses) {
            checks.add(GitHubReads.status(n, sha));
        }
        return checks;
    }

    /** The job's log (its last {@value #LOG_LIMIT} characters); GitHub redirects to a short-lived URL. */
    String log(String repo, String checkId) {
        if (checkId.startsWith("status:")) {
            throw Problem.notFound("a commit status (" + checkId.substring(7) + ") has no log on GitHub");
        }
        GitHubApi.Response r = api.get(Paths.repo(repo) + "/actions/jobs/" + Paths.seg(checkId) + "/logs");
        if (r.status() == 302 || r.status() == 301) {
            String location = r.headers().firstValue("location").orElseThrow(() -> new Problem(Problem.Kind.UPSTREAM,
                    "GitHub redirected the log of job " + checkId + " nowhere"));
            r = api.get(location);
        }
        if (r.status() == 404 || r.status() == 410) {
            throw Problem.notFound("GitHub has no log for check " + checkId + " (not an Actions job, or expired)");
        }
        if (!r.ok()) {
            throw new Problem(Problem.Kind.UPSTREAM, "GitHub would not give the log of check " + checkId + ": "
                    + r.status() + " " + r.message());
        }
        String text = r.text();
        return text.length() <= LOG_LIMIT ? text : text.substring(text.length() - LOG_LIMIT);
    }

    /** Re-runs the failed jobs of the workflow run the check's job belongs to. */
    void rerun(String repo, String checkId) {
        if (checkId.startsWith("status:")) {
            throw Problem.conflict("a commit status (" + checkId.substring(7) + ") cannot be re-run from GitHub");
        }
        GitHubApi.Response job = api.get(Paths.repo(repo) + "/actions/jobs/" + Paths.seg(checkId));
        if (job.status() == 404) {
            throw Problem.notFound("check " + checkId + " is not a GitHub Actions job of " + repo);
        }
        long runId = job.json().path("run_id").asLong();
        GitHubApi.Response r = api.send("POST", Paths.repo(repo) + "/actions/runs/" + runId + "/rerun-failed-jobs",
                null);
        if (r.status() == 403 || r.status() == 409) {
            throw Problem.conflict("GitHub will not re-run workflow run " + runId + ": " + r.message());
        }
        if (!r.ok()) {
            throw new Problem(Problem.Kind.UPSTREAM, "GitHub refused to re-run workflow run " + runId + ": "
                    + r.status() + " " + r.message());
        }
    }

    /**
     * The status checks branch protection requires on {@code branch}; empty when the branch is not protected, or
     * when the token may not read its protection (GitHub still refuses a merge that protection forbids).
     */
    Set<String> required(String repo, String branch) {
        GitHubApi.Response r = api.get(Paths.repo(repo) + "/branches/" + Paths.seg(branch) + "/protection");
        if (r.status() == 404) {
            return Set.of();
        }
        if (r.status() == 403) {
            LOG.warn("cannot read the protection of {}:{} ({}); relying on GitHub to enforce it at merge", repo,
                    branch, r.message());
            return Set.of();
        }
        Set<String> names = new LinkedHashSet<>();
        JsonNode checks = r.json().path("required_status_checks");
        checks.path("contexts").forEach(c -> names.add(c.asText()));
        checks.path("checks").forEach(c -> names.add(c.path("context").asText()));
        return names;
    }
}

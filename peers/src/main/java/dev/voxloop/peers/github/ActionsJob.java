package dev.voxloop.peers.github;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * One job of a workflow run, which the checks API shows as a check run with the same id: in progress until
 * {@code completesAt}, then passed or failed with its log. Its two JSON shapes are the ones GitHub answers.
 */
record ActionsJob(long id, long runId, String repo, String sha, String name, Instant startedAt, Instant completesAt,
                  boolean passes, String log) {

    boolean done(Instant now) {
        return !now.isBefore(completesAt);
    }

    boolean on(String repo, String sha) {
        return this.repo.equals(repo) && this.sha.equals(sha);
    }

    /** The job as it has completed now, with its outcome. */
    ActionsJob completed(boolean passed, String log) {
        return new ActionsJob(id, runId, repo, sha, name, startedAt, Instant.now(), passed, log);
    }

    /** As an entry of {@code GET .../commits/{ref}/check-runs}. */
    void writeCheckRun(ObjectNode run, Instant now) {
        String url = "https://github.com/" + repo + "/actions/runs/" + runId + "/job/" + id;
        run.put("id", id).put("name", name).put("head_sha", sha)
                .put("status", done(now) ? "completed" : "in_progress")
                .put("started_at", startedAt.toString()).put("html_url", url).put("details_url", url);
        if (done(now)) {
            run.put("conclusion", passes ? "success" : "failure").put("completed_at", completesAt.toString());
        } else {
            run.putNull("conclusion").putNull("completed_at");
        }
        run.putObject("output").put("title", passes ? "passed" : "failed")
                .put("summary", done(now) && !passes ? "Process completed with exit code 1." : "");
        run.putObject("check_suite").put("id", runId + 1_000_000);
        run.putObject("app").put("slug", "github-actions").put("name", "GitHub Actions");
    }

    /** As {@code GET .../actions/jobs/{job_id}} answers it, in attempt {@code attempt} of its run. */
    ObjectNode asJob(int attempt, Instant now) {
        boolean done = done(now);
        ObjectNode n = GitHubPeer.JSON.createObjectNode();
        n.put("id", id).put("run_id", runId).put("name", name).put("head_sha", sha)
                .put("status", done ? "completed" : "in_progress").put("started_at", startedAt.toString())
                .put("run_attempt", attempt);
        if (done) {
            n.put("conclusion", passes ? "success" : "failure");
        } else {
            n.putNull("conclusion");
        }
        return n;
    }
}

package dev.voxloop.peers.github;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * GitHub Actions and commit statuses as the checks API reports them. A workflow run has jobs; each job is a check
 * run with the same id (as on GitHub), in progress for {@link #latency} and then completed. Re-running a run's failed
 * jobs adds a new attempt whose outcome a test scripts ({@link #rerunsEnd}). A job's log is a 302 to a short-lived
 * URL, as GitHub answers it. With {@link #runWorkflows} a push runs the repository's own workflow files instead
 * ({@link PeerWorkflows}), and a re-run runs the failed job's steps again.
 */
public final class PeerChecks {

    static final String LOGS = "/_peer/job-logs/";

    private record Job(long id, long runId, String repo, String sha, String name, Instant startedAt,
                       Instant completesAt, boolean passes, String log) {

        boolean done(Instant now) {
            return !now.isBefore(completesAt);
        }
    }

    private record Status(String repo, String sha, String context, String state, String description,
                          Instant at) {
    }

    private record Outcome(boolean passes, String log) {
    }

    private final GitHubPeer peer;
    private final List<Job> jobs = new ArrayList<>();
    private final List<Status> statuses = new ArrayList<>();
    private final Deque<Outcome> reruns = new ArrayDeque<>();
    private final Map<String, Long> logUrls = new LinkedHashMap<>();
    private final Map<Long, Integer> attempts = new LinkedHashMap<>();
    private final Map<Long, PeerWorkflows.JobSpec> specs = new LinkedHashMap<>();
    private Duration latency = Duration.ofMillis(150);
    private long ids = 9_000;
    private PeerWorkflows workflows;
    private boolean runWorkflows;

    PeerChecks(GitHubPeer peer) {
        this.peer = peer;
    }

    void workflows(PeerWorkflows workflows) {
        this.workflows = workflows;
    }

    /** From now on a push to a branch other than {@code main} runs the repository's workflow files at that commit. */
    public synchronized PeerChecks runWorkflows() {
        this.runWorkflows = true;
        return this;
    }

    /** The push of {@code branch} at {@code sha}: a workflow run per workflow file, when workflows run. */
    void pushed(HostedGit.Push push) {
        if (push.branch().equals("main")) {
            return;
        }
        List<List<PeerWorkflows.JobSpec>> plan;
        synchronized (this) {
            if (!runWorkflows) {
                return;
            }
            plan = workflows.plan(push.repository(), push.sha());
        }
        for (List<PeerWorkflows.JobSpec> run : plan) {
            List<Long> started = new ArrayList<>();
            synchronized (this) {
                long runId = ++ids;
                attempts.put(runId, 1);
                run.forEach(spec -> started.add(startJob(runId, push.repository(), push.sha(), spec)));
            }
            for (int i = 0; i < run.size(); i++) {
                execute(started.get(i), push.repository(), push.sha(), run.get(i));
            }
        }
    }

    private long startJob(long runId, String repo, String sha, PeerWorkflows.JobSpec spec) {
        long id = ++ids;
        jobs.add(new Job(id, runId, repo, sha, spec.name(), Instant.now(), Instant.MAX, false, ""));
        specs.put(id, spec);
        return id;
    }

    private void execute(long id, String repo, String sha, PeerWorkflows.JobSpec spec) {
        Thread.ofVirtual().start(() -> {
            PeerWorkflows.Outcome o = workflows.run(repo, sha, spec);
            synchronized (this) {
                for (int i = 0; i < jobs.size(); i++) {
                    Job j = jobs.get(i);
                    if (j.id() == id) {
                        jobs.set(i, new Job(j.id(), j.runId(), j.repo(), j.sha(), j.name(), j.startedAt(),
                                Instant.now(), o.passes(), o.log()));
                    }
                }
            }
            peer.changed(repo);
        });
    }

    /** How long a job runs before its check run completes. */
    public synchronized PeerChecks latency(Duration latency) {
        this.latency = latency;
        return this;
    }

    /** A workflow run on {@code sha} with one job, as Actions reports it; returns the job's (check run's) id. */
    public synchronized long report(String repo, String sha, String job, boolean passes, String log) {
        long runId = ++ids;
        attempts.put(runId, 1);
        return addJob(runId, repo, sha, job, passes, log);
    }

    /** A commit status ({@code success}, {@code failure}, {@code error}, {@code pending}) from other CI. */
    public synchronized void status(String repo, String sha, String context, String state, String description) {
        statuses.add(new Status(repo, sha, context, state, description, Instant.now()));
    }

    /** The next re-run of failed jobs ends this way (the default: green, a flaky job passing). */
    public synchronized PeerChecks rerunsEnd(boolean passes, String log) {
        reruns.add(new Outcome(passes, log));
        return this;
    }

    /** Whether every check of {@code sha} named in {@code required} (all when null or empty) has passed. */
    synchronized String failingRequired(String repo, String sha, List<String> required) {
        Instant now = Instant.now();
        Map<String, Boolean> latest = new LinkedHashMap<>();
        for (Job j : jobs) {
            if (j.repo().equals(repo) && j.sha().equals(sha)) {
                latest.put(j.name(), j.done(now) && j.passes());
            }
        }
        for (Status s : statuses) {
            if (s.repo().equals(repo) && s.sha().equals(sha)) {
                latest.put(s.context(), s.state().equals("success"));
            }
        }
        for (String name : required == null ? List.<String>of() : required) {
            if (!latest.getOrDefault(name, false)) {
                return name;
            }
        }
        return null;
    }

    /** Whether a check of {@code sha} (required or not) finished red. */
    synchronized boolean anyFailed(String repo, String sha) {
        Instant now = Instant.now();
        Map<String, Boolean> red = new LinkedHashMap<>();
        jobs.stream().filter(j -> j.repo().equals(repo) && j.sha().equals(sha))
                .forEach(j -> red.put(j.name(), j.done(now) && !j.passes()));
        statuses.stream().filter(s -> s.repo().equals(repo) && s.sha().equals(sha))
                .forEach(s -> red.put(s.context(), s.state().equals("failure") || s.state().equals("error")));
        return red.containsValue(true);
    }

    void register(Routes r) {
        r.add("GET", "/repos/{owner}/{repo}/commits/{ref}/check-runs", this::checkRuns);
        r.add("GET", "/repos/{owner}/{repo}/commits/{ref}/status", this::combinedStatus);
        r.add("GET", "/repos/{owner}/{repo}/actions/jobs/{job_id}", c -> job(c, false));
        r.add("GET", "/repos/{owner}/{repo}/actions/jobs/{job_id}/logs", c -> job(c, true));
        r.add("POST", "/repos/{owner}/{repo}/actions/runs/{run_id}/rerun-failed-jobs", this::rerunFailed);
    }

    private long addJob(long runId, String repo, String sha, String name, boolean passes, String log) {
        long id = ++ids;
        Instant now = Instant.now();
        jobs.add(new Job(id, runId, repo, sha, name, now, now.plus(latency), passes, log));
        Thread.ofVirtual().start(() -> {
            GitHubPeer.sleep(latency.toMillis());
            peer.changed(repo);
        });
        return id;
    }

    private synchronized Answer checkRuns(Call c) {
        Instant now = Instant.now();
        Map<String, Job> shown = new LinkedHashMap<>();
        List<Job> all = new ArrayList<>();
        for (Job j : jobs) {
            if (j.repo().equals(c.repo()) && j.sha().equals(c.param("ref"))) {
                shown.remove(j.name());
                shown.put(j.name(), j);
                all.add(j);
            }
        }
        List<Job> list = c.query("filter", "latest").equals("all") ? all : new ArrayList<>(shown.values());
        ObjectNode n = GitHubPeer.JSON.createObjectNode();
        n.put("total_count", list.size());
        ArrayNode runs = n.putArray("check_runs");
        for (Job j : list) {
            ObjectNode run = runs.addObject();
            run.put("id", j.id()).put("name", j.name()).put("head_sha", j.sha())
                    .put("status", j.done(now) ? "completed" : "in_progress")
                    .put("started_at", j.startedAt().toString())
                    .put("html_url", "https://github.com/" + j.repo() + "/actions/runs/" + j.runId() + "/job/" + j.id())
                    .put("details_url", "https://github.com/" + j.repo() + "/actions/runs/" + j.runId() + "/job/"
                            + j.id());
            if (j.done(now)) {
                run.put("conclusion", j.passes() ? "success" : "failure").put("completed_at", j.completesAt().toString());
            } else {
                run.putNull("conclusion").putNull("completed_at");
            }
            run.putObject("output").put("title", j.passes() ? "passed" : "failed")
                    .put("summary", j.done(now) && !j.passes() ? "Process completed with exit code 1." : "");
            run.putObject("check_suite").put("id", j.runId() + 1_000_000);
            run.putObject("app").put("slug", "github-actions").put("name", "GitHub Actions");
        }
        return Answer.ok(n);
    }

    private synchronized Answer combinedStatus(Call c) {
        Map<String, Status> latest = new LinkedHashMap<>();
        statuses.stream().filter(s -> s.repo().equals(c.repo()) && s.sha().equals(c.param("ref")))
                .forEach(s -> latest.put(s.context(), s));
        ObjectNode n = GitHubPeer.JSON.createObjectNode();
        boolean failed = latest.values().stream().anyMatch(s -> s.state().equals("failure") || s.state().equals("error"));
        boolean pending = latest.values().stream().anyMatch(s -> s.state().equals("pending"));
        n.put("state", failed ? "failure" : pending || latest.isEmpty() ? "pending" : "success")
                .put("sha", c.param("ref")).put("total_count", latest.size());
        ArrayNode list = n.putArray("statuses");
        latest.values().forEach(s -> list.addObject().put("context", s.context()).put("state", s.state())
                .put("description", s.description()).put("created_at", s.at().toString())
                .put("updated_at", s.at().toString()).putNull("target_url"));
        return Answer.ok(n);
    }

    private synchronized Answer job(Call c, boolean logs) {
        long id = Long.parseLong(c.param("job_id"));
        Job j = jobs.stream().filter(x -> x.id() == id && x.repo().equals(c.repo())).findFirst().orElse(null);
        if (j == null) {
            return Answer.notFound();
        }
        if (logs) {
            String key = UUID.randomUUID().toString();
            logUrls.put(key, id);
            return new Answer(302, null, null, Map.of("Location", peer.apiUrl() + LOGS + key));
        }
        boolean done = j.done(Instant.now());
        ObjectNode n = GitHubPeer.JSON.createObjectNode();
        n.put("id", j.id()).put("run_id", j.runId()).put("name", j.name()).put("head_sha", j.sha())
                .put("status", done ? "completed" : "in_progress").put("started_at", j.startedAt().toString())
                .put("run_attempt", attempts.getOrDefault(j.runId(), 1));
        if (done) {
            n.put("conclusion", j.passes() ? "success" : "failure");
        } else {
            n.putNull("conclusion");
        }
        return Answer.ok(n);
    }

    synchronized Answer logBlob(String key) {
        Long id = logUrls.remove(key);
        Job j = id == null ? null : jobs.stream().filter(x -> x.id() == id).findFirst().orElse(null);
        if (j == null) {
            return Answer.error(404, "The log has expired");
        }
        return Answer.text(j.log());
    }

    private synchronized Answer rerunFailed(Call c) {
        long runId = Long.parseLong(c.param("run_id"));
        Instant now = Instant.now();
        List<Job> failed = new ArrayList<>();
        Map<String, Job> latest = new LinkedHashMap<>();
        jobs.stream().filter(j -> j.runId() == runId && j.repo().equals(c.repo())).forEach(j -> latest.put(j.name(), j));
        if (latest.isEmpty()) {
            return Answer.notFound();
        }
        for (Job j : latest.values()) {
            if (!j.done(now)) {
                return Answer.error(403, "This workflow is already running");
            }
            if (!j.passes()) {
                failed.add(j);
            }
        }
        if (failed.isEmpty()) {
            return Answer.error(403, "This workflow run has no failed jobs");
        }
        attempts.merge(runId, 1, Integer::sum);
        List<Job> scripted = failed.stream().filter(j -> !specs.containsKey(j.id())).toList();
        if (!scripted.isEmpty()) {
            Outcome o = reruns.isEmpty() ? new Outcome(true, "all good on the second attempt\n") : reruns.poll();
            scripted.forEach(j -> addJob(runId, j.repo(), j.sha(), j.name(), o.passes(), o.log()));
        }
        failed.stream().filter(j -> specs.containsKey(j.id())).forEach(j -> execute(startJob(runId, j.repo(),
                j.sha(), specs.get(j.id())), j.repo(), j.sha(), specs.get(j.id())));
        return Answer.created(GitHubPeer.JSON.createObjectNode());
    }
}

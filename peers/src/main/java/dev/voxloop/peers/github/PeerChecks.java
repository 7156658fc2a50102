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
 * GitHub Actions and commit statuses as the checks API reports them (the statuses of other CI are
 * {@link CommitStatuses}). A workflow run has jobs ({@link ActionsJob}); each job is a check run with the same id
 * (as on GitHub), in progress for {@link #latency} and then completed. Re-running a run's failed jobs adds a new
 * attempt whose outcome a test scripts ({@link #rerunsEnd}). A job's log is a 302 to a short-lived URL, as GitHub
 * answers it. With {@link #runWorkflows} a push runs the repository's own workflow files instead
 * ({@link PeerWorkflows}), and a re-run runs the failed job's steps again.
 */
public final class PeerChecks {

    static final String LOGS = "/_peer/job-logs/";

    private record Outcome(boolean passes, String log) {
    }

    private final GitHubPeer peer;
    private final List<ActionsJob> jobs = new ArrayList<>();
    private final CommitStatuses statuses = new CommitStatuses();
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
                run.forEach(spec -> started.add(startActionsJob(runId, push.repository(), push.sha(), spec)));
            }
            for (int i = 0; i < run.size(); i++) {
                execute(started.get(i), push.repository(), push.sha(), run.get(i));
            }
        }
    }

    private long startActionsJob(long runId, String repo, String sha, PeerWorkflows.JobSpec spec) {
        long id = ++ids;
        jobs.add(new ActionsJob(id, runId, repo, sha, spec.name(), Instant.now(), Instant.MAX, false, ""));
        specs.put(id, spec);
        return id;
    }

    private void execute(long id, String repo, String sha, PeerWorkflows.JobSpec spec) {
        Thread.ofVirtual().start(() -> {
            PeerWorkflows.Outcome o = workflows.run(repo, sha, spec);
            synchronized (this) {
                for (int i = 0; i < jobs.size(); i++) {
                    if (jobs.get(i).id() == id) {
                        jobs.set(i, jobs.get(i).completed(o.passes(), o.log()));
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
        return addActionsJob(runId, repo, sha, job, passes, log);
    }

    /** A commit status ({@code success}, {@code failure}, {@code error}, {@code pending}) from other CI. */
    public void status(String repo, String sha, String context, String state, String description) {
        statuses.add(repo, sha, context, state, description);
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
        jobs.stream().filter(j -> j.on(repo, sha)).forEach(j -> latest.put(j.name(), j.done(now) && j.passes()));
        statuses.passed(repo, sha, latest);
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
        jobs.stream().filter(j -> j.on(repo, sha)).forEach(j -> red.put(j.name(), j.done(now) && !j.passes()));
        statuses.red(repo, sha, red);
        return red.containsValue(true);
    }

    void register(Routes r) {
        r.add("GET", "/repos/{owner}/{repo}/commits/{ref}/check-runs", this::checkRuns);
        statuses.register(r);
        r.add("GET", "/repos/{owner}/{repo}/actions/jobs/{job_id}", c -> job(c, false));
        r.add("GET", "/repos/{owner}/{repo}/actions/jobs/{job_id}/logs", c -> job(c, true));
        r.add("POST", "/repos/{owner}/{repo}/actions/runs/{run_id}/rerun-failed-jobs", this::rerunFailed);
    }

    private long addActionsJob(long runId, String repo, String sha, String name, boolean passes, String log) {
        long id = ++ids;
        Instant now = Instant.now();
        jobs.add(new ActionsJob(id, runId, repo, sha, name, now, now.plus(latency), passes, log));
        Thread.ofVirtual().start(() -> {
            GitHubPeer.sleep(latency.toMillis());
            peer.changed(repo);
        });
        return id;
    }

    private synchronized Answer checkRuns(Call c) {
        Instant now = Instant.now();
        Map<String, ActionsJob> shown = new LinkedHashMap<>();
        List<ActionsJob> all = new ArrayList<>();
        for (ActionsJob j : jobs) {
            if (j.on(c.repo(), c.param("ref"))) {
                shown.remove(j.name());
                shown.put(j.name(), j);
                all.add(j);
            }
        }
        List<ActionsJob> list = c.query("filter", "latest").equals("all") ? all : new ArrayList<>(shown.values());
        ObjectNode n = GitHubPeer.JSON.createObjectNode();
        n.put("total_count", list.size());
        ArrayNode runs = n.putArray("check_runs");
        for (ActionsJob j : list) {
            j.writeCheckRun(runs.addObject(), now);
        }
        return Answer.ok(n);
    }

    private synchronized Answer job(Call c, boolean logs) {
        long id = Long.parseLong(c.param("job_id"));
        ActionsJob j = jobs.stream().filter(x -> x.id() == id && x.repo().equals(c.repo())).findFirst().orElse(null);
        if (j == null) {
            return Answer.notFound();
        }
        if (logs) {
            String key = UUID.randomUUID().toString();
            logUrls.put(key, id);
            return new Answer(302, null, null, Map.of("Location", peer.apiUrl() + LOGS + key));
        }
        return Answer.ok(j.asJob(attempts.getOrDefault(j.runId(), 1), Instant.now()));
    }

    synchronized Answer logBlob(String key) {
        Long id = logUrls.remove(key);
        ActionsJob j = id == null ? null : jobs.stream().filter(x -> x.id() == id).findFirst().orElse(null);
        if (j == null) {
            return Answer.error(404, "The log has expired");
        }
        return Answer.text(j.log());
    }

    private synchronized Answer rerunFailed(Call c) {
        long runId = Long.parseLong(c.param("run_id"));
        Instant now = Instant.now();
        List<ActionsJob> failed = new ArrayList<>();
        Map<String, ActionsJob> latest = new LinkedHashMap<>();
        jobs.stream().filter(j -> j.runId() == runId && j.repo().equals(c.repo())).forEach(j -> latest.put(j.name(), j));
        if (latest.isEmpty()) {
            return Answer.notFound();
        }
        for (ActionsJob j : latest.values()) {
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
        List<ActionsJob> scripted = failed.stream().filter(j -> !specs.containsKey(j.id())).toList();
        if (!scripted.isEmpty()) {
            Outcome o = reruns.isEmpty() ? new Outcome(true, "all good on the second attempt\n") : reruns.poll();
            scripted.forEach(j -> addActionsJob(runId, j.repo(), j.sha(), j.name(), o.passes(), o.log()));
        }
        failed.stream().filter(j -> specs.containsKey(j.id())).forEach(j -> execute(startActionsJob(runId, j.repo(),
                j.sha(), specs.get(j.id())), j.repo(), j.sha(), specs.get(j.id())));
        return Answer.created(GitHubPeer.JSON.createObjectNode());
    }
}

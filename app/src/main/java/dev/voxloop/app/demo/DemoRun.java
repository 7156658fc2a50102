package dev.voxloop.app.demo;

import dev.voxloop.app.Guards;
import dev.voxloop.core.config.ConfigTree;
import dev.voxloop.core.event.EventBus;
import dev.voxloop.core.event.PipelineEvent;
import dev.voxloop.core.forge.ForgeWakeups;
import dev.voxloop.core.forge.GitRemoteAccess;
import dev.voxloop.core.loop.LoopRun;
import dev.voxloop.core.loop.LoopRunRepository;
import dev.voxloop.core.queue.LoopQueue;
import dev.voxloop.core.review.ReviewLog;
import dev.voxloop.core.review.StoredReview;
import dev.voxloop.core.ticket.Provenance;
import dev.voxloop.core.ticket.Ticket;
import dev.voxloop.core.ticket.TicketTracker;
import dev.voxloop.guard.hook.RunMarkerFile;
import dev.voxloop.guard.policy.ToolUseRules;
import dev.voxloop.loop.LoopSettings;
import dev.voxloop.loop.ProjectConfig;
import dev.voxloop.loop.agent.AgentProfile;
import dev.voxloop.loop.agent.Agents;
import dev.voxloop.loop.agent.ModelConnector;
import dev.voxloop.loop.forge.ForgeSteps;
import dev.voxloop.loop.forge.ForgeTarget;
import dev.voxloop.loop.forge.PullRequestReview;
import dev.voxloop.loop.gate.GateSuite;
import dev.voxloop.loop.run.Budgets;
import dev.voxloop.loop.run.LoopParts;
import dev.voxloop.loop.run.LoopRunner;
import dev.voxloop.loop.run.StuckDetector;
import dev.voxloop.loop.worker.Worker;
import dev.voxloop.loop.workspace.Git;
import dev.voxloop.loop.workspace.RunSandbox;
import dev.voxloop.loop.workspace.WorkspacePreparer;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code voxloop demo}: makes the TrackIt repository (and a bare origin) under a directory, files the VAT ticket,
 * queues it, and lets one worker with an agent (replay by default) take it through red, green and the gates to a
 * pushed branch and, on a forge, on to a merged pull request, printing each stage. The replay agent needs only a JDK
 * and git.
 */
public final class DemoRun {

    /**
     * What the demo ended with.
     *
     * @param forge   where the pull request went, or null when the demo ran without a forge
     * @param timings where the time from the push to the merge went, or null when nothing was merged
     */
    public record Outcome(Ticket ticket, LoopRun run, String remoteBranchSha, ForgeTarget forge,
                          ForgeTimings timings, List<StoredReview> reviews, List<PipelineEvent> events) {
    }

    /** Hosts the sample's origin on a forge and says where its runs go past the push. */
    public interface Hosting {
        ForgeTarget host(Path origin);
    }

    private final TicketTracker tracker;
    private final LoopQueue queue;
    private final EventBus events;
    private final LoopRunRepository runs;
    private final Clock clock;
    private final Map<String, String> env;
    private final ModelConnector models;
    private final RunSandbox sandbox;
    private final Hosting hosting;
    private final PullRequestReview review;
    private final ReviewLog reviews;
    private final ForgeWakeups wakeups;
    private final Duration poll;
    /** The worker of the run in progress, for {@link #stop}; guarded by this. */
    private Worker worker;
    private boolean stopping;

    /** The demo ending at PUSHED, agents reading the process's environment. */
    public DemoRun(TicketTracker tracker, LoopQueue queue, EventBus events, LoopRunRepository runs, Clock clock,
                   RunSandbox sandbox) {
        this(tracker, queue, events, runs, clock, System.getenv(), ModelConnector.NONE, sandbox, null);
    }

    /** The demo ending at PUSHED. */
    public DemoRun(TicketTracker tracker, LoopQueue queue, EventBus events, LoopRunRepository runs, Clock clock,
                   Map<String, String> env, ModelConnector models, RunSandbox sandbox) {
        this(tracker, queue, events, runs, clock, env, models, sandbox, null);
    }

    /**
     * @param env     the environment real agents read their base URL and key from ({@code ANTHROPIC_BASE_URL},
     *                {@code ANTHROPIC_API_KEY}, {@code OPENAI_BASE_URL}, {@code OPENAI_API_KEY}, {@code OLLAMA_URL})
     * @param models  opens the built-in agent's chat model
     * @param sandbox where the demo's agent turns and gates run (the configured sandbox)
     * @param hosting the forge the run goes on to (pull request, CI, healing, merge), or null to stop at PUSHED
     */
    public DemoRun(TicketTracker tracker, LoopQueue queue, EventBus events, LoopRunRepository runs, Clock clock,
                   Map<String, String> env, ModelConnector models, RunSandbox sandbox, Hosting hosting) {
        this.tracker = tracker;
        this.queue = queue;
        this.events = events;
        this.runs = runs;
        this.clock = clock;
        this.env = Map.copyOf(env);
        this.models = models;
        this.sandbox = sandbox;
        this.hosting = hosting;
        this.review = PullRequestReview.APPROVE_ALL;
        this.reviews = null;
        this.wakeups = new ForgeWakeups();
        this.poll = Duration.ofMillis(100);
    }

    private DemoRun(DemoRun d, PullRequestReview review, ReviewLog reviews, ForgeWakeups wakeups, Duration poll) {
        this.tracker = d.tracker;
        this.queue = d.queue;
        this.events = d.events;
        this.runs = d.runs;
        this.clock = d.clock;
        this.env = d.env;
        this.models = d.models;
        this.sandbox = d.sandbox;
        this.hosting = d.hosting;
        this.review = review;
        this.reviews = reviews;
        this.wakeups = wakeups;
        this.poll = poll;
    }

    /**
     * This demo with {@code review} deciding its pull request (instead of approving every one), its reviews read
     * back from {@code reviews} for the outcome.
     */
    public DemoRun reviewedBy(PullRequestReview review, ReviewLog reviews) {
        return new DemoRun(this, review, reviews, wakeups, poll);
    }

    /**
     * This demo looking at pending checks and reviews every {@code poll}, or as soon as {@code wakeups} says the
     * repository changed (a forge far away is not asked ten times a second).
     */
    public DemoRun wakingOn(ForgeWakeups wakeups, Duration poll) {
        return new DemoRun(this, review, reviews, wakeups, poll);
    }

    /** The demo with the replay agent. */
    public Outcome run(Path dir, String projectKey, PrintStream out) {
        return run(dir, projectKey, AgentProfile.named("replay"), out);
    }

    /** The demo with {@code agent}: replay, or a real agent (claude, codex, builtin) reached through the env. */
    public Outcome run(Path dir, String projectKey, AgentProfile agent, PrintStream out) {
        Path source = dir.resolve("trackit");
        Path origin = dir.resolve("trackit.git");
        out.println("== voxloop demo in " + dir);
        out.println("   agent turns and gates run in the " + sandbox.describe());
        TrackItSample.create(source, origin);
        out.println("   sample repository TrackIt pushed to " + origin);
        ForgeTarget forge = hosting == null ? null : hosting.host(origin);
        if (forge != null) {
            out.println("   hosted on the " + forge.forge().name() + " forge as " + forge.repository() + " ("
                    + forge.cloneSource() + ")");
        }
        Ticket ticket = tracker.create(TrackItSample.ticket(projectKey),
                new Provenance("demo-" + UUID.randomUUID(), false, "Add Swedish VAT to invoices", clock.instant()));
        out.println("   filed " + ticket.key() + ": " + ticket.summary());
        TrackItSample.writeScript(dir.resolve("replay.json"));
        out.println("   agent: " + agent.name());

        LoopRunner runner = runner(dir, projectKey, forge == null ? origin.toString() : forge.cloneSource(), agent,
                forge);
        DemoNarration narration = new DemoNarration(out);
        List<PipelineEvent> seen = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        Runnable unsubscribe = events.subscribe(e -> {
            seen.add(e.event());
            narration.event(e.event());
        });
        try {
            queue.enqueue(ticket.key(), ticket.summary());
            Worker worker = started(new Worker("demo-worker", queue, runner, events, Duration.ofMinutes(2),
                    Duration.ofSeconds(1), 1, clock));
            LoopRun run = worker.runOnce().orElseThrow(() -> new IllegalStateException(
                    "the demo ticket was not claimed"));
            String sha = run.workspace().branch() == null ? null : remoteTip(dir, forge == null ? origin.toString()
                    : forge.cloneSource(), forge == null ? GitRemoteAccess.NONE : forge.access(),
                    run.workspace().branch());
            Ticket after = tracker.find(ticket.key()).orElse(ticket);
            List<StoredReview> kept = reviews == null ? List.of() : reviews.forRun(run.id());
            narration.ended(run, sha, after, kept);
            synchronized (seen) {
                ForgeTimings timings = ForgeTimings.of(List.copyOf(seen), runs.turns(run.id()));
                return new Outcome(after, run, sha, forge, timings, kept, List.copyOf(seen));
            }
        } finally {
            unsubscribe.run();
        }
    }

    /**
     * Stops the run in progress after its current step (without interrupting: an interrupt inside an H2 write closes
     * the database), leaving it as saved; {@link #run} then ends with the run where it stopped.
     */
    public synchronized void stop() {
        stopping = true;
        if (worker != null) {
            worker.stop();
        }
    }

    private synchronized Worker started(Worker w) {
        worker = w;
        if (stopping) {
            w.stop();
        }
        return w;
    }

    /** The commit {@code branch} is at on the remote, or empty when it has none (deleted after the merge). */
    private static String remoteTip(Path dir, String remote, GitRemoteAccess access, String branch) {
        var r = new Git(dir).remote(access).tryRun("ls-remote", remote, "refs/heads/" + branch);
        return r.ok() ? r.output().strip().split("\\s+")[0] : "";
    }

    /**
     * The demo's loop: project {@code projectKey} cloning {@code repo} with {@code agent} (the replay agent's script
     * in {@code dir}), going on to {@code forge} (null: ending at PUSHED). Another process resumes an interrupted
     * demo run with the same runner.
     */
    public LoopRunner runner(Path dir, String projectKey, String repo, AgentProfile agent, ForgeTarget forge) {
        ProjectConfig project = new ProjectConfig(projectKey, repo, "main", null, null, null, null, 80, agent,
                dir.resolve("replay.json").toString(), null, new Budgets(8, Duration.ofMinutes(20), 0));
        LoopSettings settings = LoopSettings.from(ConfigTree.empty(), dir).withProject(project);
        LoopParts parts = ForgeSteps.addTo(LoopParts.standard(runs, tracker, events,
                new WorkspacePreparer(dir.resolve("workspaces"), null, false),
                new Agents(settings, dir, env, Guards.agentHooks(settings, sandbox), models, sandbox),
                new GateSuite(new ToolUseRules(), sandbox), new RunMarkerFile(), settings, StuckDetector.DEFAULTS,
                clock), events,
                p -> Optional.ofNullable(forge),
                review, poll, Duration.ofMinutes(10), wakeups);
        return new LoopRunner(parts, () -> UUID.randomUUID().toString().substring(0, 8));
    }
}

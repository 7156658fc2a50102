package dev.voxloop.loop;

import dev.voxloop.core.event.EventBus;
import dev.voxloop.core.forge.ForgeWakeups;
import dev.voxloop.core.guard.AgentHooks;
import dev.voxloop.core.guard.RunMarkers;
import dev.voxloop.core.guard.ToolUsePolicy;
import dev.voxloop.core.loop.LoopRunRepository;
import dev.voxloop.core.loop.WorkerRegistry;
import dev.voxloop.core.queue.LoopQueue;
import dev.voxloop.core.ticket.TicketTracker;
import dev.voxloop.loop.agent.Agents;
import dev.voxloop.loop.agent.ModelConnector;
import dev.voxloop.loop.gate.GateSuite;
import dev.voxloop.loop.forge.ForgeSteps;
import dev.voxloop.loop.forge.ForgeTarget;
import dev.voxloop.loop.forge.PullRequestReview;
import dev.voxloop.loop.run.LoopParts;
import dev.voxloop.loop.run.LoopRunner;
import dev.voxloop.loop.run.StuckDetector;
import dev.voxloop.loop.worker.Worker;
import dev.voxloop.loop.worker.WorkerThreads;
import dev.voxloop.loop.workspace.RunHomes;
import dev.voxloop.loop.workspace.RunSandbox;
import dev.voxloop.loop.workspace.WorkspacePreparer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;

/**
 * The loop on one screen: settings plus the ports it uses (queue, tracker, events, run repository, and the
 * guard's policy, run markers and agent hooks; the chat models of the built-in agent) give the orchestrator and
 * workers.
 */
public final class LoopEngine {

    /** How long a run waits in CHECKS for checks that never finish. */
    static final Duration CHECKS_PATIENCE = Duration.ofHours(2);

    private final LoopSettings settings;
    private final Path dataDir;
    private final LoopQueue queue;
    private final TicketTracker tracker;
    private final EventBus events;
    private final LoopRunRepository runs;
    private final ToolUsePolicy policy;
    private final RunMarkers markers;
    private final Clock clock;
    private final AgentHooks hooks;
    private final ModelConnector models;
    private final RunSandbox sandbox;
    private final Function<ProjectConfig, Optional<ForgeTarget>> forges;
    private final PullRequestReview review;
    private final Duration forgePoll;
    private final ForgeWakeups wakeups;

    /**
     * @param hooks   voxloop's hooks as the agents reach them
     * @param models  opens the built-in agent's chat model for a profile
     * @param sandbox where agent turns and gate commands run
     */
    public LoopEngine(LoopSettings settings, Path dataDir, LoopQueue queue, TicketTracker tracker, EventBus events,
                      LoopRunRepository runs, ToolUsePolicy policy, RunMarkers markers, Clock clock,
                      AgentHooks hooks, ModelConnector models, RunSandbox sandbox) {
        this(settings, dataDir, queue, tracker, events, runs, policy, markers, clock, hooks, models, sandbox,
                p -> Optional.empty(), PullRequestReview.APPROVE_ALL, Duration.ofSeconds(1));
    }

    /**
     * @param forges    where each project's runs go past the push (empty: they end at PUSHED)
     * @param review    the REVIEWING step's decision
     * @param forgePoll pause between looks at pending checks or reviews
     */
    public LoopEngine(LoopSettings settings, Path dataDir, LoopQueue queue, TicketTracker tracker, EventBus events,
                      LoopRunRepository runs, ToolUsePolicy policy, RunMarkers markers, Clock clock,
                      AgentHooks hooks, ModelConnector models, RunSandbox sandbox,
                      Function<ProjectConfig, Optional<ForgeTarget>> forges, PullRequestReview review,
                      Duration forgePoll) {
        this(settings, dataDir, queue, tracker, events, runs, policy, markers, clock, hooks, models, sandbox, forges,
                review, forgePoll, new ForgeWakeups());
    }

    /** @param wakeups ends a forge wait early when a webhook says the repository changed */
    public LoopEngine(LoopSettings settings, Path dataDir, LoopQueue queue, TicketTracker tracker, EventBus events,
                      LoopRunRepository runs, ToolUsePolicy policy, RunMarkers markers, Clock clock,
                      AgentHooks hooks, ModelConnector models, RunSandbox sandbox,
                      Function<ProjectConfig, Optional<ForgeTarget>> forges, PullRequestReview review,
                      Duration forgePoll, ForgeWakeups wakeups) {
        this.wakeups = wakeups;
        this.hooks = hooks;
        this.models = models;
        this.forges = forges;
        this.review = review;
        this.forgePoll = forgePoll;
        this.settings = settings;
        this.dataDir = dataDir;
        this.queue = queue;
        this.tracker = tracker;
        this.events = events;
        this.runs = runs;
        this.policy = policy;
        this.markers = markers;
        this.clock = clock;
        this.sandbox = sandbox;
    }

    /**
     * The loop's parts: ports, run setup and the step table from claim to push. A stage that continues the run
     * (the forge) adds its states here with {@link LoopParts#withStep}.
     */
    public LoopParts parts() {
        LoopParts loop = LoopParts.standard(runs, tracker, events, new WorkspacePreparer(settings.workspaces(),
                settings.voxloopCommand(), settings.installGitHooks()), new Agents(settings, dataDir, System.getenv(),
                hooks, models, sandbox), new GateSuite(policy, sandbox), markers, settings, StuckDetector.DEFAULTS,
                clock);
        return ForgeSteps.addTo(loop, events, forges, review, forgePoll, CHECKS_PATIENCE, wakeups);
    }

    public LoopRunner runner() {
        return new LoopRunner(parts(), () -> UUID.randomUUID().toString().substring(0, 12));
    }

    /** A worker; {@code id} defaults to host-pid-n. Says loudly when its agents run without a sandbox. */
    public Worker worker(String id) {
        return worker(id, null);
    }

    /**
     * A worker that takes tickets of the projects with a repository only (the others stay queued, noted and told
     * once), reporting itself to {@code registry} (null: nowhere).
     */
    public Worker worker(String id, WorkerRegistry registry) {
        if (!sandbox.sandbox().isolates()) {
            org.slf4j.LoggerFactory.getLogger(LoopEngine.class).warn("NO SANDBOX: {}; every agent turn and CI"
                    + " check of this worker runs on the host (set sandbox.backend: bubblewrap)", sandbox.describe());
        }
        String wid = id != null ? id : hostName() + "-" + ProcessHandle.current().pid() + "-"
                + UUID.randomUUID().toString().substring(0, 4);
        RunHomes homes = new RunHomes(sandbox.homes(), RunHomes.KEEP_FAILED, clock);
        return new Worker(wid, queue, runner(), events, settings.lease(), settings.poll(), settings.maxAttempts(),
                clock, projectsWithRepository(), registry, tracker).onRunEnded(homes::ended);
    }

    /** The projects whose tickets a worker can take: those with a repository. */
    public Set<String> projectsWithRepository() {
        Set<String> keys = new TreeSet<>();
        settings.projects().forEach((key, p) -> {
            if (p.repo() != null && !p.repo().isBlank()) {
                keys.add(key);
            }
        });
        return keys;
    }

    /**
     * Starts {@code n} workers on their own (daemon) threads (for {@code voxloop serve}); closing the handle stops
     * them after their current step and waits a bounded time for their threads to end ({@link WorkerThreads}).
     */
    public WorkerThreads startWorkers(int n) {
        return startWorkers(n, null);
    }

    public WorkerThreads startWorkers(int n, WorkerRegistry registry) {
        java.util.List<Worker> ws = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            ws.add(worker(null, registry));
        }
        return WorkerThreads.start(ws);
    }

    public LoopRunRepository runs() {
        return runs;
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "worker";
        }
    }
}

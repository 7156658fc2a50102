package dev.voxloop.app;

import dev.voxloop.core.event.EventBus;
import dev.voxloop.core.intake.Intake;
import dev.voxloop.core.loop.LoopRunRepository;
import dev.voxloop.core.loop.WorkerRegistry;
import dev.voxloop.core.queue.LoopQueue;
import dev.voxloop.core.review.ReviewLog;
import dev.voxloop.core.ticket.TicketTracker;
import dev.voxloop.github.GitHubSettings;
import dev.voxloop.loop.LoopEngine;
import dev.voxloop.loop.LoopSettings;
import dev.voxloop.loop.forge.PullRequestReview;
import dev.voxloop.loop.worker.Worker;
import dev.voxloop.loop.worker.WorkerThreads;
import dev.voxloop.loop.workspace.RunSandbox;
import dev.voxloop.server.ServerSettings;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The composition root: the one place that reads configuration and wires adapters into core's ports.
 * Everything else receives what it needs through its constructor. The wiring of each stage of the journey lives
 * beside it in this package, built here in journey order: {@link Stores} (the database every stage shares),
 * {@link IntakeWiring} (tracker, speech and intent engines, the intake), {@link ForgeWiring} (forge, webhook
 * wake-ups), {@link ReviewWiring} (reviewers, policies), {@link LoopWiring} (the loop engine and its workers),
 * {@link ServerWiring} (the HTTP server, {@link Housekeeping}, the {@link Meters} behind {@code /metrics}); {@link Guards} and {@link AgentSandbox} build what
 * guards the agent, {@link Doctor} the checks. The command line is registered in {@code cli.Commands}.
 */
public final class Voxloop implements AutoCloseable {

    /** One line of {@code voxloop doctor}. */
    public record Check(String name, boolean ok, boolean essential, String detail) {
    }

    /** A started server: where it listens and how to stop it. */
    public interface Running {
        String url();

        /** Every route the server answers (what /openapi.json describes). */
        List<dev.voxloop.server.Route> routes();

        void stop();
    }

    /** The process began stopping while {@link #serve} was starting: nothing more starts, the stop goes on. */
    public static final class Stopped extends IllegalStateException {
        public Stopped() {
            super("voxloop is stopping");
        }
    }

    private final AppConfig config;
    private final Clock clock = Clock.systemUTC();
    private final CloseList closeables = new CloseList();
    private final Stores stores;
    private final IntakeWiring intake;
    private final ForgeWiring forge;
    private final ReviewWiring review;
    private final LoopWiring loop;
    private final ServerWiring server;
    private final Object sandboxLock = new Object();
    private RunSandbox sandbox;
    /** Set by {@link #close}: nothing starts any more. Guarded by this. */
    private boolean closed;

    private Voxloop(AppConfig config, boolean background) {
        this.config = config;
        DataDirectory.create(config.dataDir());
        ServerSettings serverSettings = ServerSettings.from(config.tree());
        this.stores = Stores.open(config, clock, background);
        closeables.add(stores.database()::close);
        AtomicReference<String> publicUrl = new AtomicReference<>(ServerWiring.publicUrl(config.tree(),
                serverSettings));
        this.intake = new IntakeWiring(config.tree(), stores, publicUrl::get, clock, closeables);
        this.forge = new ForgeWiring(config, stores, publicUrl::get, this::sandbox, clock, closeables);
        this.review = new ReviewWiring(config, stores, intake.tracker(), this::sandbox, clock);
        this.loop = new LoopWiring(config, stores, intake.tracker(), this::sandbox, forge, review, clock);
        PrometheusMeterRegistry meters = Meters.create(stores.database(), stores.queue(), intake.speech(),
                intake.extractor(), clock, closeables);
        this.server = new ServerWiring(config, serverSettings, stores, intake, forge, loop, this::sandbox, publicUrl,
                meters, clock, closeables);
    }

    public static Voxloop open(AppConfig config) {
        return new Voxloop(config, false);
    }

    /**
     * Wires everything for {@code serve} while the database opens and migrates in the background, so the server
     * listens (and says it is starting) meanwhile; {@link #serve} waits for it once it listens.
     */
    public static Voxloop start(AppConfig config) {
        return new Voxloop(config, true);
    }

    /** The intake as clients use it (the server, {@code voxloop say}). */
    public Intake intake() {
        return intake.intake();
    }

    public TicketTracker tracker() {
        return intake.tracker();
    }

    public LoopQueue queue() {
        return stores.queue();
    }

    public EventBus events() {
        return stores.events();
    }

    public AppConfig config() {
        return config;
    }

    public Clock clock() {
        return clock;
    }

    /** The loop workers of every process on this database, as they report themselves. */
    public WorkerRegistry workers() {
        return stores.workers();
    }

    /** Durable loop runs (turns, gate results, signals). */
    public LoopRunRepository runs() {
        return stores.runs();
    }

    /** The agent loop: workers that claim queued tickets and run them to a pushed branch and on to a merge. */
    public LoopEngine loop() {
        return loop.loop();
    }

    /** Reviews of the runs' pull requests. */
    public ReviewLog reviews() {
        return review.reviews();
    }

    /** The REVIEWING step, under each project's review policy ({@code loop.projects.<KEY>.review}). */
    public PullRequestReview reviewGate() {
        return review.gate();
    }

    /** The built-in forge: hosted repositories, pull requests, CI. */
    public Forges forges() {
        return forge.forges();
    }

    /** Where agent turns, gates and CI checks run (the configured sandbox; events go to the event log). */
    public RunSandbox sandbox() {
        synchronized (sandboxLock) {
            if (sandbox == null) {
                sandbox = AgentSandbox.from(config.tree(), config.dataDir(), stores.events()::publish, clock);
            }
            return sandbox;
        }
    }

    /**
     * Start the HTTP server (host/port override the configuration when not null) and the housekeeping.
     *
     * @throws Stopped when {@link #close} began while the server was starting
     */
    public Running serve(String host, Integer port, Integer workers) {
        return serve(host, port, workers, url -> { });
    }

    /**
     * As {@link #serve(String, Integer, Integer)}, and says that it serves.
     *
     * @param announce told the URL once the server serves, unless a stop began first (then never): a stop waits for
     *                 it, so nothing it prints comes after the database closed
     */
    public Running serve(String host, Integer port, Integer workers, Consumer<String> announce) {
        return server.serve(host, port, workers, announce);
    }

    /**
     * Runs loop workers of this process on threads of their own ({@code voxloop worker}); {@link #close} stops them
     * and waits for them before the database closes, as it does for the workers of {@link #serve}.
     *
     * @param started told that they run, unless a stop began first (then neither): a stop waits for it, so nothing
     *                it prints comes after the database closed
     * @throws Stopped when {@link #close} began first
     */
    public synchronized WorkerThreads startWorkers(List<Worker> workers, Runnable started) {
        if (closed) {
            throw new Stopped();
        }
        WorkerThreads threads = WorkerThreads.start(workers);
        closeables.add(threads);
        started.run();
        return threads;
    }

    /** The speech engine in use and what accuracy to expect from it, for `serve` to print. */
    public String speechSummary() {
        return intake.speech() == null ? "off (speech.engine: none)" : intake.speech().description();
    }

    /** The checks of {@code voxloop doctor}. */
    public List<Check> checks() {
        LoopSettings loopSettings = LoopWiring.settings(config);
        // a project on the built-in forge names its hosted repository: check the bare repository it clones from
        for (var p : loopSettings.projects().values()) {
            loopSettings = loopSettings.withProject(p.withRepo(forges().cloneSource(p.repo())));
        }
        GitHubSettings github = GitHubSettings.from(config.tree());
        List<Check> checks = Doctor.checks(stores.database(), intake.tracker(), intake.speech(), intake.extractor(),
                loopSettings, this::sandbox);
        checks.addAll(ForgeChecks.of(loopSettings, forges(), RunningServer.find(config.dataDir())
                .map(RunningServer::url), github, repo -> GitHubParts.check(github, repo)));
        GitHubParts.check(github).ifPresent(checks::add);
        checks.add(DataDirectory.exposure(config.dataDir())
                .map(why -> new Check("data dir", false, false, why))
                .orElseGet(() -> new Check("data dir", true, false, config.dataDir() + " (owner only)")));
        return checks;
    }

    @Override
    public synchronized void close() {
        closed = true;
        server.close();
        closeables.closeAll();
    }
}

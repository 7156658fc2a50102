package dev.voxloop.app;

import dev.voxloop.core.forge.ForgeWakeups;
import dev.voxloop.core.config.ConfigTree;
import dev.voxloop.core.event.EventBus;
import dev.voxloop.core.intake.Intake;
import dev.voxloop.core.intake.IntakeIds;
import dev.voxloop.core.intent.IntentExtractor;
import dev.voxloop.core.loop.LoopRunRepository;
import dev.voxloop.core.loop.WorkerRegistry;
import dev.voxloop.core.queue.LoopQueue;
import dev.voxloop.core.ticket.TicketTracker;
import dev.voxloop.core.transcript.SpeechToText;
import dev.voxloop.github.GitHubSettings;
import dev.voxloop.intake.IntakeService;
import dev.voxloop.intake.IntakeSettings;
import dev.voxloop.loop.LoopEngine;
import dev.voxloop.loop.agent.AgentDoctor;
import dev.voxloop.loop.LoopSettings;
import dev.voxloop.loop.worker.LoopOverviewReport;
import dev.voxloop.forge.ForgeSettings;
import dev.voxloop.core.review.ReviewLog;
import dev.voxloop.forge.review.BuiltinReviewer;
import dev.voxloop.loop.forge.PullRequestReview;
import dev.voxloop.loop.review.ReviewGate;
import dev.voxloop.loop.review.ReviewPolicy;
import dev.voxloop.store.review.JdbiReviewLog;
import dev.voxloop.loop.workspace.RunSandbox;
import dev.voxloop.server.HealthInfo;
import dev.voxloop.server.ServerSettings;
import dev.voxloop.server.RequestRecords;
import dev.voxloop.server.VoxloopServer;
import dev.voxloop.store.Database;
import dev.voxloop.store.StoreSettings;
import dev.voxloop.store.event.JdbiEventLog;
import dev.voxloop.store.intake.JdbiIntakeRepository;
import dev.voxloop.store.loop.JdbiLoopRunRepository;
import dev.voxloop.store.loop.JdbiWorkerRegistry;
import dev.voxloop.store.queue.JdbiLoopQueue;
import dev.voxloop.store.request.JdbiDeliveries;
import dev.voxloop.store.request.JdbiIdempotencyKeys;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: the one place that reads configuration and wires adapters into core's ports.
 * Everything else receives what it needs through its constructor. The wiring of one concern lives beside it in
 * this package: {@link Trackers} (which tracker), {@link Engines} (speech and intent engines), {@link Guards}
 * (policy, run markers, hooks), {@link Housekeeping} (the server's background jobs), {@link Doctor} (its checks).
 */
public final class Voxloop implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Voxloop.class);

    /** One line of {@code voxloop doctor}. */
    public record Check(String name, boolean ok, boolean essential, String detail) {
    }

    /** A started server: where it listens and how to stop it. */
    public interface Running {
        String url();

        void stop();
    }

    private final AppConfig config;
    private final Database database;
    private final EventBus events;
    private final LoopQueue queue;
    private final TicketTracker tracker;
    private final SpeechToText speech;
    private final IntentExtractor extractor;
    private final Engines engines;
    private final LoopRunRepository runs;
    private final WorkerRegistry workers;
    private final IntakeService intake;
    private final ServerSettings serverSettings;
    private final AtomicReference<String> publicUrl;
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private final Clock clock = Clock.systemUTC();
    /** Webhooks wake the runs waiting on a forge's checks or reviews. */
    private final ForgeWakeups wakeups = new ForgeWakeups();
    private final Housekeeping housekeeping;
    private final ReviewLog reviews;
    private final PrometheusMeterRegistry meters;
    private LoopEngine loop;
    private Forges forges;
    private RunSandbox sandbox;

    private Voxloop(AppConfig config) {
        this.config = config;
        ConfigTree tree = config.tree();
        try {
            Files.createDirectories(config.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data directory " + config.dataDir(), e);
        }
        this.serverSettings = ServerSettings.from(tree);
        StoreSettings storeSettings = StoreSettings.from(tree, config.dataDir());
        this.database = Database.open(storeSettings);
        closeables.add(database::close);
        this.events = new EventBus(new JdbiEventLog(database, storeSettings.eventsKept()));
        this.queue = new JdbiLoopQueue(database, clock);
        this.publicUrl = new AtomicReference<>(publicUrl(tree));
        this.tracker = Trackers.create(tree, database, this.publicUrl::get, clock);
        this.engines = new Engines(tree, tracker, closeables);
        this.speech = engines.speech();
        this.extractor = engines.extractor();
        IntakeSettings intakeSettings = IntakeSettings.from(tree);
        this.runs = new JdbiLoopRunRepository(database.jdbi());
        this.workers = new JdbiWorkerRegistry(database);
        this.intake = new IntakeService(new JdbiIntakeRepository(database), speech, extractor, tracker, queue, events,
                intakeSettings, clock, IntakeIds::next);
        this.housekeeping = new Housekeeping(engines, intake, queue);
        this.reviews = new JdbiReviewLog(database, clock);
        this.meters = Meters.create(database, queue, speech, extractor, clock, closeables);
    }

    public static Voxloop open(AppConfig config) {
        return new Voxloop(config);
    }

    /** The intake as clients use it (the server, {@code voxloop say}). */
    public Intake intake() {
        return intake;
    }

    public TicketTracker tracker() {
        return tracker;
    }

    public LoopQueue queue() {
        return queue;
    }

    public EventBus events() {
        return events;
    }

    public AppConfig config() {
        return config;
    }

    public Clock clock() {
        return clock;
    }

    /** The loop workers of every process on this database, as they report themselves. */
    public WorkerRegistry workers() {
        return workers;
    }

    /** Durable loop runs (turns, gate results, signals). */
    public LoopRunRepository runs() {
        return runs;
    }

    /** The agent loop: workers that claim queued tickets and run them to a pushed branch and on to a merge. */
    public synchronized LoopEngine loop() {
        if (loop == null) {
            Forges f = forges();
            LoopSettings settings = LoopSettings.from(config.tree(), config.dataDir());
            LoopSettings resolved = settings;
            for (var p : settings.projects().values()) {
                resolved = resolved.withProject(p.withRepo(f.cloneSource(p.repo())));
            }
            loop = new LoopEngine(resolved, config.dataDir(), queue, tracker, events, runs(), Guards.policy(settings),
                    Guards.markers(), clock, Guards.agentHooks(settings, sandbox()), new AgentModels(System.getenv()),
                    sandbox(), f::target, reviewGate(), Duration.ofSeconds(1));
        }
        return loop;
    }

    /** Reviews of the runs' pull requests. */
    public ReviewLog reviews() {
        return reviews;
    }

    /**
     * The REVIEWING step: the built-in rules judge each pull request under each project's review policy
     * ({@code loop.projects.<KEY>.review}).
     */
    public PullRequestReview reviewGate() {
        Map<String, dev.voxloop.loop.ProjectConfig.Entry> projects = LoopSettings.from(config.tree(),
                config.dataDir()).projectEntries();
        return new ReviewGate(List.of(BuiltinReviewer.standard()), reviews, tracker, queue, events,
                key -> projects.containsKey(key) && projects.get(key).review() != null
                        ? projects.get(key).review().policy() : ReviewPolicy.DEFAULT, clock);
    }

    /** The built-in forge: hosted repositories, pull requests, CI. */
    public synchronized Forges forges() {
        if (forges == null) {
            forges = new Forges(ForgeSettings.from(config.tree(), config.dataDir()), database, publicUrl::get,
                    () -> LoopSettings.from(config.tree(), config.dataDir()), sandbox(), clock);
            synchronized (closeables) {
                closeables.add(forges);
            }
        }
        return forges;
    }

    /** Where agent turns, gates and CI checks run (the configured sandbox; events go to the event log). */
    public synchronized RunSandbox sandbox() {
        if (sandbox == null) {
            sandbox = AgentSandbox.from(config.tree(), config.dataDir(), events::publish, clock);
        }
        return sandbox;
    }

    /** Start the HTTP server (host/port override the configuration when not null) and the housekeeping. */
    public Running serve(String host, Integer port, Integer workers) {
        ServerSettings s = serverSettings;
        if (port != null) {
            s = s.withPort(port);
        }
        if (host != null) {
            s = s.withHost(host);
        }
        LoopOverviewReport overview = new LoopOverviewReport(LoopSettings.from(config.tree(), config.dataDir()), queue,
                this.workers, clock);
        VoxloopServer server = new VoxloopServer(intake, tracker, queue, events, runs(), new RequestRecords(
                new JdbiDeliveries(database), new JdbiIdempotencyKeys(database)), forges().serverParts(),
                overview::now, GitHubParts.hooks(GitHubSettings.from(config.tree()), wakeups), meters, s,
                this::health);
        server.start();
        housekeeping.start(forges()::recover);
        int workerCount = workers != null ? workers : LoopSettings.from(config.tree(), config.dataDir()).workers();
        if (workerCount > 0) {
            AutoCloseable loopWorkers = loop().startWorkers(workerCount, this.workers);
            synchronized (closeables) {
                closeables.add(loopWorkers);
            }
            var projects = loop().projectsWithRepository();
            LOG.info("running {} loop worker(s) in the server process for {}", workerCount, projects.isEmpty()
                    ? "no project yet (none has a repository: ./voxloop init --project KEY --repo PATH)"
                    : String.join(", ", projects));
        }
        String url = "http://" + displayHost(s.host()) + ":" + server.port();
        if (config.tree().string("public_url").isEmpty()) {
            publicUrl.set(url);
        }
        AutoCloseable announced = RunningServer.announce(config.dataDir(), url);
        synchronized (closeables) {
            closeables.add(announced);
        }
        return new Running() {
            @Override
            public String url() {
                return url;
            }

            @Override
            public void stop() {
                try {
                    announced.close();
                } catch (Exception ignored) {
                    // readers ignore a file whose process is gone
                }
                server.stop();
            }
        };
    }

    HealthInfo health() {
        ConfigTree tree = config.tree();
        return new HealthInfo(tree.string("speech.whisper.model", "none"), tree.string("intent.ollama.model", "none"),
                "jira".equals(tracker.name()), speech == null ? "none" : speech.name(),
                speech == null ? null : speech.status(), extractor.name(), tracker.name(),
                dev.voxloop.app.cli.VersionProvider.version(), sandboxHealth());
    }

    private HealthInfo.Sandbox sandboxHealth() {
        try {
            RunSandbox s = sandbox();
            return new HealthInfo.Sandbox(s.sandbox().name(), s.sandbox().isolates(), s.describe());
        } catch (RuntimeException e) {
            return new HealthInfo.Sandbox("unavailable", false, e.getMessage());
        }
    }

    /** The speech engine in use and what accuracy to expect from it, for `serve` to print. */
    public String speechSummary() {
        return speech == null ? "off (speech.engine: none)" : speech.description();
    }

    private static String displayHost(String host) {
        return host == null || host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host;
    }

    /** The checks of {@code voxloop doctor}. */
    public List<Check> checks() {
        List<Check> checks = Doctor.checks(database, tracker, speech, extractor,
                LoopSettings.from(config.tree(), config.dataDir()), this::sandbox);
        GitHubParts.check(GitHubSettings.from(config.tree())).ifPresent(checks::add);
        return checks;
    }

    private String publicUrl(ConfigTree tree) {
        return tree.string("public_url").orElseGet(() -> "http://" + displayHost(serverSettings.host()) + ":"
                + (serverSettings.port() == 0 ? 8000 : serverSettings.port()));
    }

    @Override
    public synchronized void close() {
        housekeeping.close();
        List<AutoCloseable> toClose;
        synchronized (closeables) {
            toClose = new ArrayList<>(closeables);
            closeables.clear();
        }
        for (int i = toClose.size() - 1; i >= 0; i--) {
            try {
                toClose.get(i).close();
            } catch (Exception e) {
                LOG.warn("close failed: {}", e.toString());
            }
        }
    }
}

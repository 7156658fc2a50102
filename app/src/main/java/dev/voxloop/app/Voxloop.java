package dev.voxloop.app;

import dev.voxloop.core.config.ConfigTree;
import dev.voxloop.core.event.EventBus;
import dev.voxloop.core.intake.IntakeIds;
import dev.voxloop.core.intake.IntakeService;
import dev.voxloop.core.intake.IntakeSettings;
import dev.voxloop.core.intent.IntentExtractor;
import dev.voxloop.core.loop.LoopRunRepository;
import dev.voxloop.core.queue.LoopQueue;
import dev.voxloop.core.ticket.TicketTracker;
import dev.voxloop.core.transcript.SpeechToText;
import dev.voxloop.loop.LoopEngine;
import dev.voxloop.loop.LoopSettings;
import dev.voxloop.forge.ForgeSettings;
import dev.voxloop.loop.forge.PullRequestReview;
import dev.voxloop.server.HealthInfo;
import dev.voxloop.server.ServerSettings;
import dev.voxloop.server.VoxloopServer;
import dev.voxloop.store.Database;
import dev.voxloop.store.StoreSettings;
import dev.voxloop.store.event.JdbiEventLog;
import dev.voxloop.store.intake.JdbiIntakeRepository;
import dev.voxloop.store.loop.JdbiLoopRunRepository;
import dev.voxloop.store.queue.JdbiLoopQueue;
import dev.voxloop.tracker.jira.JiraCheck;
import dev.voxloop.tracker.jira.JiraTracker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: the one place that reads configuration and wires adapters into core's ports.
 * Everything else receives what it needs through its constructor.
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
    private final IntakeService intake;
    private final ServerSettings serverSettings;
    private final AtomicReference<String> publicUrl;
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private final Clock clock = Clock.systemUTC();
    private ScheduledExecutorService housekeeping;
    private LoopEngine loop;
    private Forges forges;

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
        this.intake = new IntakeService(new JdbiIntakeRepository(database), speech, extractor, tracker, queue, events,
                intakeSettings, clock, IntakeIds::next);
    }

    public static Voxloop open(AppConfig config) {
        return new Voxloop(config);
    }

    public IntakeService intake() {
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

    /** Durable loop runs (turns, gate results, signals). */
    public LoopRunRepository runs() {
        return runs;
    }

    /** The agent loop: workers that claim queued tickets and run them to a pushed branch and on to a merge. */
    public synchronized LoopEngine loop() {
        if (loop == null) {
            Forges f = forges();
            LoopSettings settings = LoopSettings.from(config.tree(), config.dataDir());
            for (var p : settings.projects().values()) {
                settings = settings.withProject(p.withRepo(f.cloneSource(p.repo())));
            }
            loop = new LoopEngine(settings, config.dataDir(), queue, tracker, events, runs(), clock, f::target,
                    PullRequestReview.APPROVE_ALL, Duration.ofSeconds(1));
        }
        return loop;
    }

    /** The built-in forge: hosted repositories, pull requests, CI. */
    public synchronized Forges forges() {
        if (forges == null) {
            forges = new Forges(ForgeSettings.from(config.tree(), config.dataDir()), database, publicUrl::get,
                    () -> LoopSettings.from(config.tree(), config.dataDir()), clock);
            synchronized (closeables) {
                closeables.add(forges);
            }
        }
        return forges;
    }

    /** Start the HTTP server (host/port override the configuration when not null) and the housekeeping. */
    public Running serve(String host, Integer port, int workers) {
        ServerSettings s = serverSettings;
        if (port != null) {
            s = s.withPort(port);
        }
        if (host != null) {
            s = s.withHost(host);
        }
        VoxloopServer server = new VoxloopServer(intake, tracker, queue, events, runs(), forges().serverParts(), s,
                this::health);
        server.start();
        startHousekeeping();
        if (workers > 0) {
            AutoCloseable loopWorkers = loop().startWorkers(workers);
            synchronized (closeables) {
                closeables.add(loopWorkers);
            }
            LOG.info("running {} loop workers in the server process", workers);
        }
        String url = "http://" + displayHost(s.host()) + ":" + server.port();
        if (config.tree().string("public_url").isEmpty()) {
            publicUrl.set(url);
        }
        return new Running() {
            @Override
            public String url() {
                return url;
            }

            @Override
            public void stop() {
                server.stop();
            }
        };
    }

    private synchronized void startHousekeeping() {
        if (housekeeping != null) {
            return;
        }
        housekeeping = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "voxloop-housekeeping");
            t.setDaemon(true);
            return t;
        });
        // Models load only once the server answers, so they do not compete with start-up for the CPU.
        housekeeping.execute(() -> guarded("models", engines::warm));
        housekeeping.execute(() -> guarded("resume", () -> {
            int n = intake.resumeInterrupted();
            if (n > 0) {
                LOG.info("resumed {} intake sessions left mid-step", n);
            }
        }));
        housekeeping.execute(() -> guarded("ci", forges()::recover));
        housekeeping.scheduleWithFixedDelay(() -> guarded("expire", intake::expireDue), 5, 15, TimeUnit.SECONDS);
        housekeeping.scheduleWithFixedDelay(() -> guarded("leases", queue::releaseExpired), 5, 15, TimeUnit.SECONDS);
    }

    private static void guarded(String what, Runnable job) {
        try {
            job.run();
        } catch (RuntimeException e) {
            LOG.warn("housekeeping ({}) failed: {}", what, e.toString());
        }
    }

    HealthInfo health() {
        ConfigTree tree = config.tree();
        return new HealthInfo(tree.string("speech.whisper.model", "none"), tree.string("intent.ollama.model", "none"),
                "jira".equals(tracker.name()), speech == null ? "none" : speech.name(), extractor.name(), tracker.name(),
                dev.voxloop.app.cli.VersionProvider.version());
    }

    private static String displayHost(String host) {
        return host == null || host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host;
    }

    public List<Check> checks() {
        List<Check> checks = new ArrayList<>();
        checks.add(new Check("database", database.ping(), true, database.describe()));
        try {
            int projects = tracker.projects().size();
            checks.add(new Check("tracker", projects > 0, true, tracker.name() + ", " + projects + " projects"));
        } catch (RuntimeException e) {
            checks.add(new Check("tracker", false, true, tracker.name() + ": " + e.getMessage()));
        }
        if (tracker instanceof JiraTracker jira) {
            JiraCheck who = jira.check();
            checks.add(new Check("jira", who.ok(), true, who.detail()));
        }
        checks.add(speech == null ? new Check("speech", false, false, "off (speech.engine: none)")
                : new Check("speech", true, false, speech.name() + (speech.ready() ? ", model loaded"
                        : ", model loads on first use or when the server starts")));
        checks.add(new Check("intent", true, true, extractor.name()));
        return checks;
    }

    private String publicUrl(ConfigTree tree) {
        return tree.string("public_url").orElseGet(() -> "http://" + displayHost(serverSettings.host()) + ":"
                + (serverSettings.port() == 0 ? 8000 : serverSettings.port()));
    }

    @Override
    public synchronized void close() {
        if (housekeeping != null) {
            housekeeping.shutdownNow();
        }
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

package dev.voxloop.app;

import dev.voxloop.app.Voxloop.Running;
import dev.voxloop.app.cli.VersionProvider;
import dev.voxloop.core.config.ConfigTree;
import dev.voxloop.core.transcript.SpeechToText;
import dev.voxloop.loop.LoopEngine;
import dev.voxloop.loop.workspace.RunSandbox;
import dev.voxloop.loop.worker.LoopOverviewReport;
import dev.voxloop.server.HealthInfo;
import dev.voxloop.server.RequestRecords;
import dev.voxloop.server.Route;
import dev.voxloop.server.ServerSettings;
import dev.voxloop.server.VoxloopServer;
import dev.voxloop.store.Database;
import dev.voxloop.store.request.JdbiDeliveries;
import dev.voxloop.store.request.JdbiIdempotencyKeys;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server process wired: the HTTP server over the intake, queue, runs and forge (with the meters behind
 * {@code /metrics}), its housekeeping thread, the loop workers it runs beside them, and the file that tells
 * {@code say} and {@code doctor} where it listens.
 */
final class ServerWiring {

    private static final Logger LOG = LoggerFactory.getLogger(ServerWiring.class);

    private final AppConfig config;
    private final ServerSettings settings;
    private final Stores stores;
    private final IntakeWiring intake;
    private final ForgeWiring forge;
    private final LoopWiring loop;
    private final Supplier<RunSandbox> sandbox;
    private final AtomicReference<String> publicUrl;
    private final PrometheusMeterRegistry meters;
    private final Clock clock;
    private final CloseList closeables;
    private final Housekeeping housekeeping;
    /** Set by {@link #close}: a server still starting then starts no housekeeping and no workers. */
    private boolean stopping;
    /** Stops the HTTP server once {@link #serve} started it; safe to run more than once. */
    private Runnable stopListening = () -> { };

    ServerWiring(AppConfig config, ServerSettings settings, Stores stores, IntakeWiring intake, ForgeWiring forge,
                 LoopWiring loop, Supplier<RunSandbox> sandbox, AtomicReference<String> publicUrl,
                 PrometheusMeterRegistry meters, Clock clock, CloseList closeables) {
        this.config = config;
        this.settings = settings;
        this.stores = stores;
        this.intake = intake;
        this.forge = forge;
        this.loop = loop;
        this.sandbox = sandbox;
        this.publicUrl = publicUrl;
        this.meters = meters;
        this.clock = clock;
        this.closeables = closeables;
        this.housekeeping = new Housekeeping(intake.engines(), intake.intake(), stores.queue());
    }

    /** The URL links in tickets point at: {@code public_url}, else where the server is configured to listen. */
    static String publicUrl(ConfigTree tree, ServerSettings settings) {
        return tree.string("public_url").orElseGet(() -> "http://" + displayHost(settings.host()) + ":"
                + (settings.port() == 0 ? 8000 : settings.port()));
    }

    /**
     * Starts the HTTP server (host/port override the configuration when not null), the housekeeping and the
     * workers, and then tells {@code announce} the URL.
     */
    Running serve(String host, Integer port, Integer workers, Consumer<String> announce) {
        ServerSettings s = settings;
        if (port != null) {
            s = s.withPort(port);
        }
        if (host != null) {
            s = s.withHost(host);
        }
        LoopOverviewReport overview = new LoopOverviewReport(LoopWiring.settings(config), stores.queue(),
                stores.workers(), clock);
        VoxloopServer server = new VoxloopServer(intake.intake(), intake.tracker(), stores.queue(), stores.events(),
                stores.runs(), new RequestRecords(new JdbiDeliveries(stores.database()),
                new JdbiIdempotencyKeys(stores.database())), forge.forges().serverParts(), overview::now,
                forge.githubHooks(), meters, s, this::health);
        server.start();
        Runnable stopServer = once(server::stop);
        listening(stopServer);
        long listening = StartupTime.sinceMain();
        try {
            // listening already (health says starting); what follows needs the schema
            stores.database().awaitReady();
        } catch (RuntimeException e) {
            stopServer.run();
            throw e;
        }
        String url = "http://" + displayHost(s.host()) + ":" + server.port();
        AutoCloseable announced;
        synchronized (this) {
            // a stop that came while the database opened has stopped the server and is closing the database:
            // nothing may start polling it now
            if (stopping) {
                throw new Voxloop.Stopped();
            }
            LOG.info("ready {} ms after main() began (listening at {} ms, then waited for the database)",
                    StartupTime.sinceMain(), listening);
            housekeeping.start(forge.forges()::recover);
            startWorkers(workers != null ? workers : LoopWiring.settings(config).workers());
            if (config.tree().string("public_url").isEmpty()) {
                publicUrl.set(url);
            }
            announced = RunningServer.announce(config.dataDir(), url);
            closeables.add(announced);
            // under the same guard: a stop that began means no more lines claiming to serve, and one that begins
            // now waits for them, so "serving on" never comes after "database closed"
            announce.accept(url);
        }
        return new Running() {
            @Override
            public String url() {
                return url;
            }

            @Override
            public List<Route> routes() {
                return server.routes();
            }

            @Override
            public void stop() {
                try {
                    announced.close();
                } catch (Exception ignored) {
                    // readers ignore a file whose process is gone
                }
                stopServer.run();
            }
        };
    }

    /** Keeps how to stop the server just started, for {@link #close}; stops it at once when a stop came first. */
    private void listening(Runnable stopServer) {
        synchronized (this) {
            if (!stopping) {
                stopListening = stopServer;
                return;
            }
        }
        stopServer.run();
        throw new Voxloop.Stopped();
    }

    private static Runnable once(Runnable action) {
        AtomicBoolean done = new AtomicBoolean();
        return () -> {
            if (done.compareAndSet(false, true)) {
                action.run();
            }
        };
    }

    private void startWorkers(int count) {
        if (count <= 0) {
            return;
        }
        LoopEngine engine = loop.loop();
        closeables.add(engine.startWorkers(count, stores.workers()));
        var projects = engine.projectsWithRepository();
        LOG.info("running {} loop worker(s) in the server process for {}", count, projects.isEmpty()
                ? "no project yet (none has a repository: ./voxloop init --project KEY --repo PATH)"
                : String.join(", ", projects));
    }

    HealthInfo health() {
        ConfigTree tree = config.tree();
        SpeechToText speech = intake.speech();
        return new HealthInfo(tree.string("speech.whisper.model", "none"), tree.string("intent.ollama.model", "none"),
                "jira".equals(intake.tracker().name()), speech == null ? "none" : speech.name(),
                speech == null ? null : speech.status(), intake.extractor().name(), intake.tracker().name(),
                VersionProvider.version(), sandboxHealth(), stores.database().state() == Database.State.READY ? null
                : "opening the database (" + stores.database().describe() + ")");
    }

    private HealthInfo.Sandbox sandboxHealth() {
        try {
            RunSandbox s = sandbox.get();
            return new HealthInfo.Sandbox(s.sandbox().name(), s.sandbox().isolates(), s.describe());
        } catch (RuntimeException e) {
            return new HealthInfo.Sandbox("unavailable", false, e.getMessage());
        }
    }

    private static String displayHost(String host) {
        return host == null || host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host;
    }

    /**
     * The first part of a stop, before anything the server uses is closed: no new requests (the HTTP server stops,
     * also when {@link #serve} is still starting and will then start nothing more), and the housekeeping thread
     * ends (a bounded wait). The workers and the database close after this, in that order, through what
     * {@link #serve} and the composition root registered.
     */
    void close() {
        Runnable stopServer;
        synchronized (this) {
            stopping = true;
            stopServer = stopListening;
        }
        stopServer.run();
        housekeeping.close();
    }
}

package dev.voxloop.server;

import dev.voxloop.core.event.EventBus;
import dev.voxloop.core.intake.Intake;
import dev.voxloop.core.loop.LoopOverview;
import dev.voxloop.core.loop.LoopRunRepository;
import dev.voxloop.core.queue.LoopQueue;
import dev.voxloop.core.ticket.TicketTracker;
import dev.voxloop.server.http.docs.ApiDocsRoutes;
import dev.voxloop.server.http.forge.ForgeParts;
import dev.voxloop.server.http.forge.ForgeRoutes;
import dev.voxloop.server.http.forge.GitEndpoint;
import dev.voxloop.server.http.intake.IntakeRoutes;
import dev.voxloop.server.http.loop.LoopRoutes;
import dev.voxloop.server.http.loop.LoopRunRoutes;
import dev.voxloop.server.http.loop.LoopStatusRoutes;
import dev.voxloop.server.http.system.ConsoleRoutes;
import dev.voxloop.server.http.system.ErrorResponses;
import dev.voxloop.server.http.system.HealthRoutes;
import dev.voxloop.server.http.system.PathEncoding;
import dev.voxloop.server.http.system.UnreadBodies;
import dev.voxloop.server.http.tickets.TicketRoutes;
import dev.voxloop.server.http.webhook.GitHubHooks;
import dev.voxloop.server.http.webhook.GitHubWebhookRoutes;
import dev.voxloop.server.http.webhook.JiraWebhookRoutes;
import dev.voxloop.server.json.JsonBody;
import dev.voxloop.server.json.WireJson;
import dev.voxloop.server.metrics.HttpMeters;
import dev.voxloop.server.metrics.MetricsRoutes;
import dev.voxloop.server.metrics.PipelineMeters;
import dev.voxloop.server.metrics.StreamMeters;
import dev.voxloop.server.security.AccessRules;
import dev.voxloop.server.security.ApiTokenGuard;
import dev.voxloop.server.security.HostCheck;
import dev.voxloop.server.security.WebhookSignature;
import dev.voxloop.server.stream.EventFeed;
import dev.voxloop.server.stream.EventStreamRoutes;
import dev.voxloop.server.stream.StatusSocket;
import dev.voxloop.server.stream.StreamSlots;
import io.javalin.Javalin;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP and WebSocket face of voxloop: the SEJFA voice API (docs/api.md) plus ours, on one screen.
 *
 * <pre>
 *   GET  /health                       POST /api/webhook/jira, /api/webhook/github
 *   POST /api/transcribe               GET  /api/loop/queue | /api/loop/failed
 *   POST /api/extract                  POST /api/loop/started | completed | retry/{key}
 *   POST /api/pipeline/run[/audio]     GET  /api/tickets[/{key}]   GET /tickets/{key} (page)
 *   POST /api/pipeline/clarify         WS   /ws/status             (SEJFA monitor shapes)
 *   POST /api/pipeline/approve|discard GET  /api/events (SSE)      WS  /api/events/ws (typed)
 *   GET  /api/loop/status              (workers, projects, tickets nothing can take)
 *   GET  /api/pipeline/sessions/{id}   GET  /                      (console or placeholder)
 *   GET  /openapi.json                 GET  /api-docs              (this list in full, and its page)
 *   GET  /metrics                      (Prometheus text format)
 * </pre>
 */
public final class VoxloopServer {

    private static final Logger LOG = LoggerFactory.getLogger(VoxloopServer.class);

    private final ServerSettings settings;
    private final StatusSocket statusSocket;
    private final EventFeed eventFeed;
    private final Javalin app;
    private final boolean servesGit;
    private final HttpMeters httpMeters;
    private final Runnable stopMetering;

    /**
     * @param runs       the agent loop's runs for /api/loop/runs, or null when no loop is wired (those answer 404)
     * @param requests   durable request records: webhook deliveries (replays) and idempotency keys
     */
    public VoxloopServer(Intake intake, TicketTracker tracker, LoopQueue queue, EventBus events,
                         LoopRunRepository runs, RequestRecords requests, ServerSettings settings,
                         Supplier<HealthInfo> health) {
        this(intake, tracker, queue, events, runs, requests, null, null, settings, health);
    }

    /** @param forge repositories, pull requests and git over HTTP, or null when no forge is wired */
    public VoxloopServer(Intake intake, TicketTracker tracker, LoopQueue queue, EventBus events,
                         LoopRunRepository runs, RequestRecords requests, ForgeParts forge, ServerSettings settings,
                         Supplier<HealthInfo> health) {
        this(intake, tracker, queue, events, runs, requests, forge, null, settings, health);
    }

    /** @param overview the loop's workers and waiting tickets for /api/loop/status, or null (404) */
    public VoxloopServer(Intake intake, TicketTracker tracker, LoopQueue queue, EventBus events,
                         LoopRunRepository runs, RequestRecords requests, ForgeParts forge,
                         Supplier<LoopOverview> overview, ServerSettings settings, Supplier<HealthInfo> health) {
        this(intake, tracker, queue, events, runs, requests, forge, overview, null, settings, health);
    }

    /** @param github GitHub's webhook collaborators, or null when GitHub is not used (its webhook answers 404) */
    public VoxloopServer(Intake intake, TicketTracker tracker, LoopQueue queue, EventBus events,
                         LoopRunRepository runs, RequestRecords requests, ForgeParts forge,
                         Supplier<LoopOverview> overview, GitHubHooks github, ServerSettings settings,
                         Supplier<HealthInfo> health) {
        this(intake, tracker, queue, events, runs, requests, forge, overview, github,
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), settings, health);
    }

    /**
     * @param metrics where the server records its meters and what {@code GET /metrics} shows (the composition root
     *                adds the JVM's, the database pool's and the queue's to it)
     */
    public VoxloopServer(Intake intake, TicketTracker tracker, LoopQueue queue, EventBus events,
                         LoopRunRepository runs, RequestRecords requests, ForgeParts forge,
                         Supplier<LoopOverview> overview, GitHubHooks github, PrometheusMeterRegistry metrics,
                         ServerSettings settings, Supplier<HealthInfo> health) {
        this.settings = settings;
        WireJson json = new WireJson();
        JsonBody body = new JsonBody(json, settings.maxJsonBytes());
        Clock clock = Clock.systemUTC();
        StreamSlots slots = new StreamSlots(settings.streams().maxClients(), settings.streams().maxPerAddress());
        this.statusSocket = new StatusSocket(events, json, slots, settings.streams().ping());
        this.eventFeed = new EventFeed(events, json, slots, settings.streams().ping());

        ConsoleRoutes console = new ConsoleRoutes(ConsoleRoutes.FOLDER);
        UnreadBodies unread = new UnreadBodies(JavalinSetup.maxRequestBytes(settings));
        ErrorResponses errors = new ErrorResponses(json, console.packaged(), unread);
        AccessRules access = new AccessRules(settings);
        HealthRoutes healthRoutes = new HealthRoutes(health, statusSocket::connections, eventFeed::clients);
        IntakeRoutes intakeRoutes = new IntakeRoutes(intake, body, settings.maxUploadBytes(),
                requests.idempotencyKeys(), clock);
        TicketRoutes ticketRoutes = new TicketRoutes(tracker, console.packaged());
        LoopRoutes loopRoutes = new LoopRoutes(queue, events, body, settings, clock);
        LoopRunRoutes runRoutes = runs == null ? null : new LoopRunRoutes(runs, body);
        LoopStatusRoutes statusRoutes = overview == null ? null : new LoopStatusRoutes(overview);
        JiraWebhookRoutes webhook = new JiraWebhookRoutes(queue, events, body,
                new WebhookSignature(settings.webhookSecret()), clock, tracker, requests.deliveries(), settings);
        HostCheck hosts = new HostCheck(settings);
        EventStreamRoutes streams = new EventStreamRoutes(eventFeed, settings.streams().ping());
        this.httpMeters = new HttpMeters(metrics);
        this.stopMetering = new PipelineMeters(metrics).subscribe(events);
        StreamMeters.register(metrics, statusSocket::connections, streams::socketClients, streams::sseClients);
        MetricsRoutes metricsRoutes = new MetricsRoutes(metrics);
        ForgeRoutes forgeRoutes = forge == null || forge.forge() == null ? null : new ForgeRoutes(forge, body);
        GitEndpoint git = forge == null || forge.git() == null ? null
                : new GitEndpoint(forge.git(), new ApiTokenGuard(settings.apiToken()), hosts);
        GitHubWebhookRoutes githubWebhook = github == null ? null
                : new GitHubWebhookRoutes(queue, events, body, github, requests.deliveries(), clock);
        ApiDocsRoutes apiDocs = new ApiDocsRoutes(json.mapper());
        this.servesGit = git != null;

        this.app = Javalin.create(cfg -> {
            JavalinSetup.apply(cfg, settings, json, httpMeters);
            console.configure(cfg);
            apiDocs.configure(cfg);
            errors.register(cfg.routes);
            unread.register(cfg.routes);
            PathEncoding.register(cfg.routes);
            hosts.register(cfg.routes);
            access.register(cfg.routes);
            healthRoutes.register(cfg.routes);
            apiDocs.register(cfg.routes);
            metricsRoutes.register(cfg.routes);
            console.register(cfg.routes);
            intakeRoutes.register(cfg.routes);
            ticketRoutes.register(cfg.routes);
            loopRoutes.register(cfg.routes);
            if (runRoutes != null) {
                runRoutes.register(cfg.routes);
            }
            if (statusRoutes != null) {
                statusRoutes.register(cfg.routes);
            }
            if (forgeRoutes != null) {
                forgeRoutes.register(cfg.routes);
            }
            if (git != null) {
                cfg.jetty.modifyServletContextHandler(h -> h.addServlet(new ServletHolder("git", git), "/git/*"));
            }
            webhook.register(cfg.routes);
            if (githubWebhook != null) {
                githubWebhook.register(cfg.routes);
            }
            statusSocket.register(cfg.routes);
            streams.register(cfg.routes);
        });
    }

    public VoxloopServer start() {
        app.start(settings.host(), settings.port());
        LOG.info("voxloop listening on http://{}:{} (api token {}, webhook signature {})", settings.host(), port(),
                settings.apiToken() == null ? "off" : "required", settings.webhookSecret() == null ? "off" : "required");
        return this;
    }

    public void stop() {
        stopMetering.run();
        statusSocket.close();
        eventFeed.close();
        app.stop();
    }

    /**
     * Every route this server answers, from its router (HTTP endpoints and WebSocket upgrades) plus the git
     * servlet, in registration order: what the OpenAPI document at /openapi.json must describe.
     */
    public List<Route> routes() {
        List<Route> out = new ArrayList<>();
        app.unsafe.internalRouter.allHttpHandlers().forEach(h -> out.add(new Route(h.endpoint.method.name(),
                h.endpoint.path)));
        app.unsafe.internalRouter.allWsHandlers().forEach(h -> out.add(new Route("WEBSOCKET", h.getPath())));
        if (servesGit) {
            out.add(new Route("ANY", "/git/*"));
        }
        return out;
    }

    /** The bound port (the real one when started with port 0). */
    public int port() {
        return app.port();
    }
}

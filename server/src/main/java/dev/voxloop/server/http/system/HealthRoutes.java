package dev.voxloop.server.http.system;

import dev.voxloop.server.HealthInfo;
import dev.voxloop.server.json.WireShapes;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/** {@code GET /health}: SEJFA's {status, whisper_model, ollama_model, jira_configured, ws_connections} + ours. */
public final class HealthRoutes {

    private final Supplier<HealthInfo> health;
    private final IntSupplier wsConnections;
    private final IntSupplier streamClients;

    public HealthRoutes(Supplier<HealthInfo> health, IntSupplier wsConnections, IntSupplier streamClients) {
        this.health = health;
        this.wsConnections = wsConnections;
        this.streamClients = streamClients;
    }

    public void register(JavalinDefaultRoutingApi routes) {
        routes.get("/health", ctx -> {
            HealthInfo h = health.get();
            if (h.starting() != null) {
                // listening before the database is ready: not healthy yet, and a client may ask again shortly
                ctx.status(503).header("Retry-After", "1");
            }
            ctx.json(WireShapes.obj("status", h.starting() != null ? "starting" : h.healthy() ? "ok" : "degraded",
                    "starting", h.starting(), "whisper_model", h.whisperModel(), "ollama_model",
                    h.ollamaModel(), "jira_configured", h.jiraConfigured(), "ws_connections",
                    wsConnections.getAsInt(), "speech_engine", h.speechEngine(), "speech_status", h.speechStatus() == null ? null
                    : h.speechStatus().state().name().toLowerCase(java.util.Locale.ROOT), "speech_detail",
                    h.speechStatus() == null ? null : h.speechStatus().detail(), "intent_extractor",
                    h.intentExtractor(), "tracker", h.tracker(), "version", h.version(), "stream_clients",
                    streamClients.getAsInt(), "sandbox", h.sandbox() == null ? null : WireShapes.obj("backend",
                            h.sandbox().backend(), "isolated", h.sandbox().isolated(), "description",
                            h.sandbox().description())));
        });
    }
}

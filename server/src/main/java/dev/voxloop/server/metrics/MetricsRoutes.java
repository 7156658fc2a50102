package dev.voxloop.server.metrics;

import io.javalin.router.JavalinDefaultRoutingApi;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * {@code GET /metrics}: every meter in Prometheus' text exposition format, written by Micrometer's registry. It reads
 * and changes nothing. When an API token is set it needs the token like the event streams (a scrape config's
 * {@code authorization} sends it as a bearer token), see {@code AccessRules}; the Host/Origin check applies as to
 * every route.
 */
public final class MetricsRoutes {

    public static final String PATH = "/metrics";
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;

    public MetricsRoutes(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    public void register(JavalinDefaultRoutingApi routes) {
        routes.get(PATH, ctx -> {
            ctx.header("Cache-Control", "no-store");
            ctx.contentType(CONTENT_TYPE).result(registry.scrape());
        });
    }
}

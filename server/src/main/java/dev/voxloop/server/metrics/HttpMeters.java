package dev.voxloop.server.metrics;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * {@code http_server_requests_seconds}: every answered HTTP request by method, route template and status, as a
 * histogram (buckets from 1 ms to 60 s) so percentiles can be computed over any window. The route is the template a
 * handler was registered under ({@code /api/tickets/{key}}), never the requested path, so ticket keys and ids never
 * become labels; a request no handler matched is {@code static} (console files) or, when answered 404,
 * {@code unmatched}. An SSE stream counts once, when it ends, with its whole lifetime.
 */
public final class HttpMeters {

    static final String NAME = "http.server.requests";

    private final MeterRegistry registry;

    public HttpMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    public void record(Context ctx, float millis) {
        Timer.builder(NAME)
                .description("HTTP requests answered, by method, route template and status")
                .tag("method", ctx.method().name())
                .tag("route", route(ctx))
                .tag("status", Integer.toString(ctx.statusCode()))
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(60))
                .register(registry)
                .record(Math.round(millis * 1000.0), TimeUnit.MICROSECONDS);
    }

    static String route(Context ctx) {
        Endpoint matched;
        try {
            matched = ctx.endpoints().matchedHttpEndpoint();
        } catch (RuntimeException none) {
            matched = null;
        }
        if (matched != null && !matched.path.isEmpty() && !matched.path.equals("*")) {
            return matched.path;
        }
        return ctx.statusCode() == 404 ? "unmatched" : "static";
    }
}

package dev.voxloop.server.security;

import dev.voxloop.server.ServerSettings;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.Set;

/**
 * Which requests need the API token: every POST except the Jira and GitHub webhooks (they have their own
 * signatures), the event streams, and {@code /metrics} (as a header only: a scraper sends it as a bearer token, and
 * a token in a scrape URL would end up in its logs). Reads (health, queue, tickets, session state) stay open, as
 * the existing voice clients and dashboards expect.
 */
public final class AccessRules {

    public static final String WEBHOOK_PATH = "/api/webhook/jira";
    public static final String GITHUB_WEBHOOK_PATH = "/api/webhook/github";
    private static final String METRICS_PATH = "/metrics";
    private static final Set<String> STREAM_PATHS = Set.of("/api/events", "/ws/status", "/api/events/ws");

    private final ApiTokenGuard guard;

    public AccessRules(ServerSettings settings) {
        this.guard = new ApiTokenGuard(settings.apiToken());
    }

    public void register(JavalinDefaultRoutingApi routes) {
        if (!guard.enabled()) {
            return;
        }
        routes.before(this::check);
        routes.wsBeforeUpgrade(ctx -> guard.require(ctx.header("Authorization"), ctx.header("X-API-Token"),
                ctx.queryParam("token")));
    }

    private void check(Context ctx) {
        String path = stripTrailingSlash(ctx.path());
        boolean mutating = ctx.method() == HandlerType.POST || ctx.method() == HandlerType.PUT
                || ctx.method() == HandlerType.PATCH || ctx.method() == HandlerType.DELETE;
        if (mutating && !path.equals(WEBHOOK_PATH) && !path.equals(GITHUB_WEBHOOK_PATH)) {
            guard.require(ctx.header("Authorization"), ctx.header("X-API-Token"), null);
        } else if (path.equals(METRICS_PATH)) {
            guard.require(ctx.header("Authorization"), ctx.header("X-API-Token"), null);
        } else if (STREAM_PATHS.contains(path)) {
            guard.require(ctx.header("Authorization"), ctx.header("X-API-Token"), ctx.queryParam("token"));
        }
    }

    private static String stripTrailingSlash(String p) {
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }
}

package dev.voxloop.server.http.tickets;

import dev.voxloop.core.problem.Problem;
import dev.voxloop.core.ticket.Ticket;
import dev.voxloop.core.ticket.TicketTracker;
import dev.voxloop.server.http.system.ConsolePaths;
import dev.voxloop.server.json.WireShapes;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;

/**
 * Tickets as JSON ({@code /api/tickets}) and per ticket at {@code /tickets/{key}} (the ticket_url): the console's
 * ticket view for a browser when the console is served, else a plain page.
 */
public final class TicketRoutes {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;
    /** Longer than any tracker's key: not looked up. */
    static final int MAX_KEY = 255;

    private final TicketTracker tracker;
    private final boolean console;

    public TicketRoutes(TicketTracker tracker) {
        this(tracker, false);
    }

    /** @param console true when the web console is served: a browser opening a ticket_url gets its ticket view */
    public TicketRoutes(TicketTracker tracker, boolean console) {
        this.tracker = tracker;
        this.console = console;
    }

    public void register(JavalinDefaultRoutingApi routes) {
        routes.get("/api/tickets", this::list);
        routes.get("/api/tickets/{key}", ctx -> ctx.json(WireShapes.ticket(find(ctx))));
        routes.get("/tickets/{key}", ctx -> {
            if (console && ConsolePaths.forConsole(ctx)) {
                // the console's view says "not found" itself for an unknown key
                ConsolePaths.open(ctx, "/tickets/" + java.net.URLEncoder.encode(ctx.pathParam("key"),
                        java.nio.charset.StandardCharsets.UTF_8));
            } else {
                ctx.html(TicketPage.render(find(ctx)));
            }
        });
        // HEAD answers as GET would, status included (the framework's own HEAD says 200 for any key)
        routes.head("/tickets/{key}", ctx -> ctx.contentType("text/html").status(find(ctx) == null ? 404 : 200));
        routes.head("/api/tickets/{key}", ctx -> ctx.contentType("application/json").status(find(ctx) == null ? 404
                : 200));
        // v2's Jira proxy paths, kept so its console keeps working; served from whichever tracker is configured.
        routes.get("/api/jira/issues", ctx -> list(ctx, ctx.queryParam("project"),
                ctx.queryParam("max_results") != null ? ctx.queryParam("max_results") : ctx.queryParam("limit")));
        routes.get("/api/jira/issue/{key}", ctx -> {
            var body = WireShapes.ticket(find(ctx));
            body.put("reporter", null);
            ctx.json(body);
        });
    }

    private void list(Context ctx) {
        list(ctx, ctx.queryParam("project"), ctx.queryParam("limit"));
    }

    private void list(Context ctx, String projectParam, String limitParam) {
        String project = projectParam;
        if (project != null && project.isBlank()) {
            project = null;
        }
        if (project != null) {
            String p = project.strip();
            if (p.length() > MAX_KEY) {
                throw Problem.invalid("project", "unknown project");
            }
            project = tracker.projects().stream()
                    .filter(x -> x.key().equalsIgnoreCase(p) || x.name().equalsIgnoreCase(p))
                    .map(x -> x.key()).findFirst()
                    .orElseThrow(() -> Problem.invalid("project", "unknown project '" + p + "'"));
        }
        ctx.json(tracker.list(project, limit(limitParam)).stream().map(WireShapes::ticketSummary)
                .toList());
    }

    private Ticket find(Context ctx) {
        String key = ctx.pathParam("key");
        if (key.length() > MAX_KEY || key.chars().anyMatch(Character::isISOControl)) {
            throw Problem.notFound("Ticket not found");
        }
        return tracker.find(key).orElseThrow(() -> Problem.notFound("Ticket not found: " + key));
    }

    static int limit(String raw) {
        if (raw == null || raw.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int n = Integer.parseInt(raw.strip());
            if (n < 1 || n > MAX_LIMIT) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw Problem.invalid("limit", "limit must be a whole number from 1 to " + MAX_LIMIT);
        }
    }
}

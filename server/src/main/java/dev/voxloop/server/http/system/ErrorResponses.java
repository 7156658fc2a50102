package dev.voxloop.server.http.system;

import dev.voxloop.core.problem.Problem;
import dev.voxloop.core.problem.Redacted;
import dev.voxloop.server.json.WireJson;
import dev.voxloop.server.json.WireShapes;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.sql.SQLTransientConnectionException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every error is JSON: {@code {"error": code, "detail": message, "field": name-or-null}} ({@code detail} because the
 * SEJFA API's clients read it). A {@link Problem} is answered with its kind's status ({@link ProblemStatus});
 * anything unexpected is a 500 with an error id that is logged with the stack trace here and never sent.
 */
public final class ErrorResponses {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorResponses.class);
    private static final String WRITTEN = "voxloop.error-written";

    private final WireJson json;
    private final boolean console;
    private final UnreadBodies unread;

    /**
     * @param console true when the web console is served: a browser's unknown page opens the console
     * @param unread  what is left of a body an error was answered before reading
     */
    public ErrorResponses(WireJson json, boolean console, UnreadBodies unread) {
        this.json = json;
        this.console = console;
        this.unread = unread;
    }

    public void register(JavalinDefaultRoutingApi routes) {
        routes.exception(Problem.class, (e, ctx) -> {
            int status = ProblemStatus.of(e.kind());
            if (status >= 500 && e.getCause() != null) {
                LOG.warn("{} {} -> {}: {}", ctx.method(), ctx.path(), status, e.getMessage(), Redacted.of(e.getCause()));
            }
            if (e.kind() == Problem.Kind.UNAUTHORIZED) {
                ctx.header("WWW-Authenticate", "Bearer");
            }
            write(ctx, status, ProblemStatus.code(e.kind()), e.getMessage(), e.field(), null);
        });
        routes.exception(HttpResponseException.class, (e, ctx) -> {
            if (!openConsoleInstead(ctx, e.getStatus())) {
                write(ctx, e.getStatus(), ProblemStatus.codeFor(e.getStatus()), message(e.getStatus(), e.getMessage(),
                        ctx), null, null);
            }
        });
        routes.exception(Exception.class, (e, ctx) -> {
            if (busy(e)) {
                // every database connection was taken for longer than the pool waits: nothing was done, say so
                LOG.warn("{} {} -> 503: no database connection free in time", ctx.method(), ctx.path());
                ctx.header("Retry-After", "1");
                write(ctx, 503, "unavailable", "The server is busy; nothing was done, please try again shortly",
                        null, null);
                return;
            }
            String id = errorId();
            // the exception's messages may quote SQL arguments or request text: the log gets classes and frames only
            LOG.error("unexpected error {} on {} {}", id, ctx.method(), ctx.path(), Redacted.of(e));
            write(ctx, 500, "internal_error", "Something went wrong on our side; the error id is " + id, null, id);
        });
        routes.error(404, ctx -> fallback(ctx, 404));
        routes.error(405, ctx -> fallback(ctx, 405));
        routes.error(413, ctx -> fallback(ctx, 413));
    }

    /** A database connection could not be had in time (the pool's wait ran out), anywhere in the cause chain. */
    static boolean busy(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException) {
                return true;
            }
        }
        return false;
    }

    private void fallback(Context ctx, int status) {
        if (ctx.attribute(WRITTEN) != null) {
            return;
        }
        if (openConsoleInstead(ctx, status)) {
            return;
        }
        write(ctx, status, ProblemStatus.codeFor(status), message(status, null, ctx), null, null);
    }

    /** A browser asking for a page the server does not have gets the console, not a JSON error. */
    private boolean openConsoleInstead(Context ctx, int status) {
        if (status != 404 || !console || !ConsolePaths.forConsole(ctx)) {
            return false;
        }
        ctx.attribute(WRITTEN, Boolean.TRUE);
        ConsolePaths.open(ctx, "/");
        return true;
    }

    public void write(Context ctx, int status, String error, String detail, String field, String errorId) {
        Map<String, Object> body = WireShapes.obj("error", error, "detail", detail, "field", field);
        if (errorId != null) {
            body.put("error_id", errorId);
        }
        ctx.attribute(WRITTEN, Boolean.TRUE);
        if (status == 413 || UnreadBodies.declaresBody(ctx)) {
            // an error may be answered before the body was read (a missing token, a foreign host, a body too
            // large); the server then closes the connection after answering, and saying so keeps a client from
            // sending its next request down a connection that is about to go (it would get no answer at all); what
            // is left of the body is read first, since closing while it still arrives can reset the answer away
            unread.drain(ctx);
            ctx.header("Connection", "close");
        }
        ctx.status(status).contentType("application/json").result(json.write(body));
    }

    private static String message(int status, String given, Context ctx) {
        return switch (status) {
            case 404 -> "No such endpoint: " + ctx.method() + " " + ctx.path();
            case 405 -> "Method " + ctx.method() + " is not allowed on " + ctx.path();
            case 413 -> "Request body too large";
            default -> given == null || given.isBlank() ? "Request failed" : given;
        };
    }

    private static String errorId() {
        byte[] b = new byte[6];
        ThreadLocalRandom.current().nextBytes(b);
        return HexFormat.of().formatHex(b).toUpperCase(Locale.ROOT);
    }
}

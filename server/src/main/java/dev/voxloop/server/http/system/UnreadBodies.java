package dev.voxloop.server.http.system;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import jakarta.servlet.ServletInputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A request whose body was never read (a GET that carried one, a refusal decided from the headers) leaves bytes
 * on the connection that the server will not parse as the next request: Jetty drops the connection after the
 * answer. Saying {@code Connection: close} in that answer keeps a client from sending its next request down a
 * connection that is about to go, where it would get no answer at all. The unread body (when its length is known
 * and at most the largest request the server takes, {@code server.max_upload} or {@code server.max_json} plus the
 * multipart envelope) is also read and dropped first: closing a connection while its bytes are still arriving makes
 * TCP reset it, which can destroy the answer itself before the client has read it. A body larger than any request
 * the server takes is not read: it may be reset, as the client was told by the limits.
 *
 * <p>A request without a body (no {@code Content-Length}, or 0, and no {@code Transfer-Encoding}) leaves nothing
 * behind: its connection stays open for the next request.
 */
public final class UnreadBodies {

    private final long drainLimit;

    /** @param drainLimit the largest unread body read to its end before the connection closes */
    public UnreadBodies(long drainLimit) {
        this.drainLimit = drainLimit;
    }

    public void register(JavalinDefaultRoutingApi routes) {
        routes.after(this::closeIfUnread);
    }

    /** True when the request says it carries a body: a positive {@code Content-Length} or a transfer coding. */
    static boolean declaresBody(Context ctx) {
        return ctx.req().getContentLengthLong() > 0 || ctx.req().getHeader("Transfer-Encoding") != null;
    }

    void closeIfUnread(Context ctx) {
        if (!declaresBody(ctx)) {
            return;
        }
        try {
            if (!ctx.req().getInputStream().isFinished()) {
                drain(ctx);
                ctx.header("Connection", "close");
            }
        } catch (IOException | IllegalStateException readAsText) {
            // read through the reader instead: the body was taken
        }
    }

    /** Reads and drops what is left of a body of known length up to the drain limit; a failure leaves it. */
    void drain(Context ctx) {
        long length = ctx.req().getContentLengthLong();
        if (length <= 0 || length > drainLimit) {
            return;
        }
        try {
            ServletInputStream in = ctx.req().getInputStream();
            if (!in.isFinished()) {
                in.transferTo(OutputStream.nullOutputStream());
            }
        } catch (IOException | IllegalStateException gone) {
            // the client went away, or the body was taken through the reader: nothing left to drop
        }
    }
}

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
 * and at most {@link #DRAIN_LIMIT}) is also read and dropped first: closing a connection while its bytes are still
 * arriving makes TCP reset it, which can destroy the answer itself before the client has read it.
 */
public final class UnreadBodies {

    /** The largest unread body read to its end before the connection closes; a larger one may be reset. */
    static final long DRAIN_LIMIT = 64L * 1024 * 1024;

    private UnreadBodies() {
    }

    public static void register(JavalinDefaultRoutingApi routes) {
        routes.after(UnreadBodies::closeIfUnread);
    }

    static void closeIfUnread(Context ctx) {
        if (ctx.req().getContentLengthLong() == 0) {
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

    /** Reads and drops what is left of a body of known length up to {@link #DRAIN_LIMIT}; a failure leaves it. */
    public static void drain(Context ctx) {
        long length = ctx.req().getContentLengthLong();
        if (length <= 0 || length > DRAIN_LIMIT) {
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

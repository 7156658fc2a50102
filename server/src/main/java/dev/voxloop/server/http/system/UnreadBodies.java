package dev.voxloop.server.http.system;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.io.IOException;

/**
 * A request whose body was never read (a GET that carried one, a refusal decided from the headers) leaves bytes
 * on the connection that the server will not parse as the next request: Jetty drops the connection after the
 * answer. Saying {@code Connection: close} in that answer keeps a client from sending its next request down a
 * connection that is about to go, where it would get no answer at all.
 */
public final class UnreadBodies {

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
                ctx.header("Connection", "close");
            }
        } catch (IOException | IllegalStateException readAsText) {
            // read through the reader instead: the body was taken
        }
    }
}

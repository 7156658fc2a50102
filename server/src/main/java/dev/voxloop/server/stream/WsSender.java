package dev.voxloop.server.stream;

import io.javalin.websocket.WsContext;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.websocket.api.Callback;

/** Blocking send on a WebSocket with a deadline, for a connection's own drain thread. */
final class WsSender {

    static final Duration SEND_TIMEOUT = Duration.ofSeconds(10);

    private WsSender() {
    }

    static void send(WsContext ctx, String text) throws Exception {
        Callback.Completable done = new Callback.Completable();
        ctx.session.sendText(text, done);
        done.get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    static void ping(WsContext ctx) throws Exception {
        Callback.Completable done = new Callback.Completable();
        ctx.session.sendPing(java.nio.ByteBuffer.allocate(0), done);
        done.get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    static void close(WsContext ctx, int code, String reason) {
        try {
            if (ctx.session.isOpen()) {
                ctx.closeSession(code, reason);
            }
        } catch (RuntimeException alreadyClosed) {
            // the client went away first: the session is closed, which is what this was for
        }
    }
}

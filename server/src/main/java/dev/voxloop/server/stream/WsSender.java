package dev.voxloop.server.stream;

import io.javalin.websocket.WsContext;
import java.net.InetSocketAddress;
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

    /** A client that sent nothing back for a whole ping interval; it has been disconnected. */
    static final class Unanswered extends Exception {
        Unanswered() {
            super("no answer to the last ping", null, false, false);
        }
    }

    /**
     * Pings, unless the client did not answer the previous ping (see {@link PingWatch}): then the connection is cut
     * without a close handshake (nobody would answer it) and this throws {@link Unanswered}.
     */
    static void ping(WsContext ctx, PingWatch watch) throws Exception {
        if (!watch.answeredSinceLastPing()) {
            try {
                ctx.session.disconnect();
            } catch (RuntimeException ignored) {
                // already gone
            }
            throw new Unanswered();
        }
        ping(ctx);
    }

    /** The client's IP address, for {@link StreamSlots}. */
    static String address(WsContext ctx) {
        return ctx.session.getRemoteSocketAddress() instanceof InetSocketAddress a && a.getAddress() != null
                ? a.getAddress().getHostAddress() : String.valueOf(ctx.session.getRemoteSocketAddress());
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

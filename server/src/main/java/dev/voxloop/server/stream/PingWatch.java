package dev.voxloop.server.stream;

import java.util.function.LongSupplier;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.common.WebSocketSession;
import org.eclipse.jetty.websocket.core.WebSocketCoreSession;

/**
 * Whether a WebSocket client is still answering. Before each ping the server asks whether anything (the pong to
 * the previous ping, a message) arrived since that ping; a client that stopped reading or answering is silent for a
 * whole interval and is then disconnected instead of holding its place for good. The web framework does not pass
 * pongs on, so this reads the connection's received byte count, which every pong raises.
 */
final class PingWatch {

    private final LongSupplier bytesIn;
    private long atLastPing = -1;

    PingWatch(LongSupplier bytesIn) {
        this.bytesIn = bytesIn;
    }

    /** Watches {@code session}'s connection; a session this cannot see into is always taken as answering. */
    static PingWatch of(Session session) {
        if (session instanceof WebSocketSession ws && ws.getCoreSession() instanceof WebSocketCoreSession core
                && core.getConnection() != null) {
            return new PingWatch(() -> core.getConnection().getBytesIn());
        }
        return new PingWatch(() -> -1);
    }

    /** Call right before sending a ping: false when nothing arrived since the previous ping. */
    synchronized boolean answeredSinceLastPing() {
        long now = bytesIn.getAsLong();
        boolean answered = now < 0 || atLastPing < 0 || now > atLastPing;
        atLastPing = now;
        return answered;
    }
}

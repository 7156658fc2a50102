package dev.voxloop.server.stream;

import dev.voxloop.core.event.EventBus;
import dev.voxloop.core.event.StoredEvent;
import dev.voxloop.server.json.WireJson;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.javalin.websocket.WsContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code WS /ws/status}: SEJFA's monitor snapshot on connect and after every stage change, plus its typed
 * messages. Each client has a bounded outbox drained by its own virtual thread; a client that falls
 * {@value #OUTBOX} messages behind is disconnected rather than buffered forever.
 */
public final class StatusSocket implements AutoCloseable {

    public static final String PATH = "/ws/status";
    static final int OUTBOX = 256;

    private static final Logger LOG = LoggerFactory.getLogger(StatusSocket.class);

    private record Client(WsContext ctx, Outbox<String> box, StreamSlots.Slot slot) {
    }

    private final StatusMonitor monitor = new StatusMonitor();
    private final WireJson json;
    private final Map<String, Client> clients = new ConcurrentHashMap<>();
    private final Runnable unsubscribe;
    private final StreamSlots slots;
    private final Duration ping;

    public StatusSocket(EventBus events, WireJson json, StreamSlots slots, Duration ping) {
        this.json = json;
        this.slots = slots;
        this.ping = ping;
        this.unsubscribe = events.subscribe(this::onEvent);
    }

    public void register(JavalinDefaultRoutingApi routes) {
        routes.ws(PATH, ws -> {
            ws.onConnect(this::connect);
            ws.onMessage(ctx -> {
                // Clients send nothing we act on (keep-alive pings at most): read and dropped.
            });
            ws.onClose(ctx -> drop(ctx.sessionId()));
            ws.onError(ctx -> drop(ctx.sessionId()));
        });
    }

    public int connections() {
        return clients.size();
    }

    private void connect(WsContext ctx) {
        var slot = slots.take(WsSender.address(ctx));
        if (slot.isEmpty()) {
            WsSender.close(ctx, 1013, "too many stream clients; try again later");
            return;
        }
        Outbox<String> box = new Outbox<>(OUTBOX);
        synchronized (monitor) {
            box.offer(json.write(monitor.connectSnapshot()));
            clients.put(ctx.sessionId(), new Client(ctx, box, slot.get()));
        }
        LOG.info("WS {} connected ({} clients)", PATH, clients.size());
        PingWatch watch = PingWatch.of(ctx.session);
        Thread.ofVirtual().name("ws-status-" + ctx.sessionId()).start(() -> drain(ctx, box, watch));
    }

    private void drain(WsContext ctx, Outbox<String> box, PingWatch watch) {
        try {
            while (!box.closed()) {
                String msg = box.next(ping);
                if (msg != null) {
                    WsSender.send(ctx, msg);
                } else if (!box.closed()) {
                    WsSender.ping(ctx, watch);
                }
            }
            if (box.overflowed()) {
                WsSender.close(ctx, 1013, "too slow; reconnect");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (WsSender.Unanswered e) {
            LOG.info("WS {} client answered no ping for {}; disconnected", PATH, ping);
        } catch (Exception e) {
            LOG.debug("WS {} send failed: {}", PATH, e.toString());
            WsSender.close(ctx, 1011, "send failed");
        } finally {
            drop(ctx.sessionId());
        }
    }

    private void drop(String id) {
        Client c = clients.remove(id);
        if (c != null) {
            c.box().close();
            c.slot().release();
        }
    }

    private void onEvent(StoredEvent event) {
        synchronized (monitor) {
            List<Map<String, Object>> messages = monitor.apply(event);
            for (Map<String, Object> m : messages) {
                String text = json.write(m);
                for (Client c : clients.values()) {
                    if (!c.box().offer(text) && c.box().overflowed()) {
                        slow(c);
                    }
                }
            }
        }
    }

    /** Its drain thread may be stuck in a send to a client that stopped reading: cut the connection. */
    private void slow(Client c) {
        if (clients.remove(c.ctx().sessionId()) != null) {
            c.box().close();
            c.slot().release();
            LOG.info("WS {} client fell {} messages behind; disconnected", PATH, OUTBOX);
            Thread.ofVirtual().start(() -> {
                try {
                    c.ctx().session.disconnect();
                } catch (RuntimeException alreadyClosed) {
                    // the connection closed on its own meanwhile: it is removed from the clients either way
                }
            });
        }
    }

    @Override
    public void close() {
        unsubscribe.run();
        clients.values().forEach(c -> {
            c.box().close();
            c.slot().release();
        });
        clients.clear();
    }
}

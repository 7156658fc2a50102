package dev.voxloop.server.stream;

import dev.voxloop.core.event.StoredEvent;
import dev.voxloop.core.problem.Problem;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.javalin.websocket.WsContext;
import jakarta.servlet.ServletOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Transports of the typed stream: {@code GET /api/events} as Server-Sent Events (id = seq, so a browser's
 * EventSource resumes by itself with Last-Event-ID) and {@code WS /api/events/ws}. Both accept {@code ?after=SEQ}.
 */
public final class EventStreamRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(EventStreamRoutes.class);

    private final EventFeed feed;
    private final Duration stalled;
    private final Map<String, Outbox<StoredEvent>> sockets = new ConcurrentHashMap<>();
    private final AtomicInteger sseClients = new AtomicInteger();

    /**
     * @param ping how often an idle SSE client gets a comment line; a client whose connection takes no bytes for two
     *             ping intervals (a write that cannot finish) is dropped
     */
    public EventStreamRoutes(EventFeed feed, Duration ping) {
        this.feed = feed;
        this.stalled = ping.multipliedBy(2);
    }

    public int socketClients() {
        return sockets.size();
    }

    public int sseClients() {
        return sseClients.get();
    }

    public void register(JavalinDefaultRoutingApi routes) {
        routes.get("/api/events", this::sse);
        routes.ws("/api/events/ws", ws -> {
            ws.onConnect(this::wsConnect);
            ws.onMessage(ctx -> {
            });
            ws.onClose(ctx -> wsDrop(ctx.sessionId()));
            ws.onError(ctx -> wsDrop(ctx.sessionId()));
        });
    }

    private void sse(Context ctx) throws Exception {
        long after = EventFeed.resumeFrom(ctx.queryParam("after"), ctx.header("Last-Event-ID"));
        Outbox<StoredEvent> box = feed.open(ctx.ip());
        var res = ctx.res();
        res.setStatus(200);
        res.setCharacterEncoding("UTF-8");
        res.setContentType("text/event-stream");
        res.setHeader("Cache-Control", "no-cache");
        res.setHeader("X-Accel-Buffering", "no");
        SseLiveness.limitStall(ctx.req(), stalled);
        sseClients.incrementAndGet();
        try {
            ServletOutputStream out = res.getOutputStream();
            out.write(": voxloop events\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            feed.run(box, after, new EventFeed.Sink() {
                @Override
                public void event(long seq, String json) throws Exception {
                    out.write(("id: " + seq + "\ndata: " + json + "\n\n").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }

                @Override
                public void heartbeat() throws Exception {
                    out.write(": keep-alive\n\n".getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
            });
        } catch (java.io.IOException e) {
            LOG.debug("SSE client went away or stopped reading: {}", e.toString());
        } finally {
            sseClients.decrementAndGet();
            feed.release(box);
        }
    }

    private void wsConnect(WsContext ctx) {
        long after;
        Outbox<StoredEvent> box;
        try {
            after = EventFeed.resumeFrom(ctx.queryParam("after"), null);
            box = feed.open(WsSender.address(ctx));
        } catch (Problem e) {
            WsSender.close(ctx, e.kind() == Problem.Kind.UNAVAILABLE ? 1013 : 1008, e.getMessage());
            return;
        }
        PingWatch watch = PingWatch.of(ctx.session);
        sockets.put(ctx.sessionId(), box);
        Thread.ofVirtual().name("ws-events-" + ctx.sessionId()).start(() -> {
            try {
                feed.run(box, after, new EventFeed.Sink() {
                    @Override
                    public void event(long seq, String json) throws Exception {
                        WsSender.send(ctx, json);
                    }

                    @Override
                    public void heartbeat() throws Exception {
                        WsSender.ping(ctx, watch);
                    }
                });
                if (box.overflowed()) {
                    WsSender.close(ctx, 1013, "too slow; reconnect with ?after=<last seq>");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (WsSender.Unanswered e) {
                LOG.info("event socket client answered no ping; disconnected");
            } catch (Exception e) {
                LOG.debug("event socket send failed: {}", e.toString());
                WsSender.close(ctx, 1011, "send failed");
            } finally {
                sockets.remove(ctx.sessionId());
            }
        });
    }

    private void wsDrop(String id) {
        Outbox<StoredEvent> box = sockets.remove(id);
        if (box != null) {
            box.close();
        }
    }
}

package dev.voxloop.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A JDK WebSocket client that collects every text message as JSON. */
final class WsProbe implements AutoCloseable {

    final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
    final WebSocket socket;
    volatile int closeCode = -1;

    private WsProbe(WebSocket.Builder builder, URI uri, boolean stall) {
        this.socket = builder.buildAsync(uri, new WebSocket.Listener() {
            private final StringBuilder partial = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    try {
                        messages.add(TestServer.JSON.readTree(partial.toString()));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    partial.setLength(0);
                }
                if (!stall) {
                    ws.request(1);
                }
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
                closeCode = statusCode;
                return null;
            }
        }).orTimeout(10, TimeUnit.SECONDS).join();
    }

    static WsProbe connect(TestServer server, String pathAndQuery, String... headers) {
        WebSocket.Builder b = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return new WsProbe(b, URI.create("ws://127.0.0.1:" + server.server.port() + pathAndQuery), false);
    }

    /** A client that reads its first message and then stops reading (a stuck browser tab). */
    static WsProbe stalled(TestServer server, String path) {
        return new WsProbe(HttpClient.newHttpClient().newWebSocketBuilder(),
                URI.create("ws://127.0.0.1:" + server.server.port() + path), true);
    }

    JsonNode next() {
        try {
            JsonNode m = messages.poll(10, TimeUnit.SECONDS);
            if (m == null) {
                throw new AssertionError("no WebSocket message within 10 s");
            }
            return m;
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Skips messages until one matches; returns it. */
    JsonNode await(Predicate<JsonNode> match) {
        List<JsonNode> seen = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try {
                JsonNode m = messages.poll(100, TimeUnit.MILLISECONDS);
                if (m != null) {
                    if (match.test(m)) {
                        return m;
                    }
                    seen.add(m);
                }
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("no matching message; saw " + seen);
    }

    static Predicate<JsonNode> type(String type) {
        return m -> type.equals(m.path("type").asText());
    }

    static Predicate<JsonNode> node(String node) {
        return m -> node.equals(m.path("current_node").asText(null));
    }

    @Override
    public void close() {
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(2, TimeUnit.SECONDS).join();
        } catch (RuntimeException ignored) {
            socket.abort();
        }
    }
}

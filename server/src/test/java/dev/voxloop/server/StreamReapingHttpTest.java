package dev.voxloop.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voxloop.server.stream.StreamSettings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;

/**
 * Stream clients that stop answering are dropped by the ping check instead of holding their places, and places are
 * counted per client address: one address opening sockets it never serves does not lock the console out.
 */
class StreamReapingHttpTest {

    static final Duration PING = Duration.ofMillis(300);

    /** A client that completes the WebSocket handshake from {@code from} and then never reads or answers. */
    static Socket deadClient(TestServer s, String from, String path) throws IOException {
        String key = Base64.getEncoder().encodeToString("dead-client-key!".getBytes(StandardCharsets.US_ASCII));
        return RawStreamClient.open(s, from, 0, "GET " + path + " HTTP/1.1", "Upgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: " + key + "\r\nSec-WebSocket-Version: 13\r\n",
                "HTTP/1.1 101");
    }

    /** A well-behaved client (the JDK answers pings by itself) connected from {@code from}. */
    static final class LiveClient implements WebSocket.Listener {
        final List<String> texts = new ArrayList<>();
        final CompletableFuture<Integer> closed = new CompletableFuture<>();
        final WebSocket socket;

        LiveClient(TestServer s, String from, String path) throws Exception {
            this.socket = HttpClient.newBuilder().localAddress(InetAddress.getByName(from)).build()
                    .newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + s.server.port() + path), this)
                    .get(10, TimeUnit.SECONDS);
        }

        @Override
        public synchronized CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            texts.add(data.toString());
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        synchronized int received() {
            return texts.size();
        }
    }

    static void waitFor(IntSupplier value, int expected, Duration within) throws InterruptedException {
        long until = System.nanoTime() + within.toNanos();
        while (value.getAsInt() != expected && System.nanoTime() < until) {
            Thread.sleep(50);
        }
        assertThat(value.getAsInt()).isEqualTo(expected);
    }

    @Test
    void deadWebSocketClientsAreDroppedAndPlacesAreCountedPerAddress() throws Exception {
        try (TestServer s = TestServer.builder().settings(x -> x.withStreams(new StreamSettings(PING, 10, 3)))
                .start()) {
            List<Socket> dead = new ArrayList<>();
            try {
                for (int i = 0; i < 2; i++) {
                    dead.add(deadClient(s, "127.0.0.2", "/ws/status"));
                }
                dead.add(deadClient(s, "127.0.0.2", "/api/events/ws"));
                IntSupplier clients = () -> s.get("/health").json().get("ws_connections").asInt()
                        + s.get("/health").json().get("stream_clients").asInt();
                waitFor(clients, 3, Duration.ofSeconds(5));

                // that address is full; another address still gets in
                LiveClient refused = new LiveClient(s, "127.0.0.2", "/ws/status");
                assertThat(refused.closed.get(5, TimeUnit.SECONDS)).isEqualTo(1013);
                LiveClient console = new LiveClient(s, "127.0.0.1", "/ws/status");
                LiveClient events = new LiveClient(s, "127.0.0.1", "/api/events/ws");

                // the silent ones are gone after two ping intervals; the live ones stay through many
                waitFor(clients, 2, Duration.ofSeconds(5));
                Thread.sleep(PING.toMillis() * 6);
                assertThat(clients.getAsInt()).isEqualTo(2);
                assertThat(console.closed).isNotDone();
                assertThat(events.closed).isNotDone();
                int before = console.received();
                s.postJson("/api/pipeline/run", "{\"text\": \"" + PipelineHttpTest.CLEAR + "\"}");
                waitFor(() -> console.received() > before ? 1 : 0, 1, Duration.ofSeconds(5));

                // and the freed places can be taken again from the address that lost them
                LiveClient back = new LiveClient(s, "127.0.0.2", "/ws/status");
                waitFor(clients, 3, Duration.ofSeconds(5));
                assertThat(back.closed).isNotDone();
            } finally {
                for (Socket socket : dead) {
                    socket.close();
                }
            }
        }
    }
}

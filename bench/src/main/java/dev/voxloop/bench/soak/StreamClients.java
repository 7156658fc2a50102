package dev.voxloop.bench.soak;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The stream side of the soak: readers that stay (SSE and both WebSockets, from 127.0.0.1), and the clients a
 * server must not keep: plain TCP connections that never send a byte, WebSocket clients that never answer a ping,
 * SSE clients that never read (each from its own address, so they cannot take the readers' places).
 */
final class StreamClients implements AutoCloseable {

    private final URI base;
    private final HttpClient http;
    private final List<AutoCloseable> open = new ArrayList<>();
    final AtomicLong eventsRead = new AtomicLong();
    final AtomicLong refused = new AtomicLong();

    StreamClients(URI base, HttpClient http) {
        this.base = base;
        this.http = http;
    }

    /** Readers that stay for the whole run. */
    synchronized void readers(int sse, int eventSockets, int statusSockets) throws Exception {
        for (int i = 0; i < sse; i++) {
            open.add(sse());
        }
        for (int i = 0; i < eventSockets; i++) {
            open.add(socket("/api/events/ws"));
        }
        for (int i = 0; i < statusSockets; i++) {
            open.add(socket("/ws/status"));
        }
    }

    /** A reader that comes and goes after {@code stay}: SSE on even {@code n}, the event WebSocket on odd. */
    void churn(long n, Duration stay) throws Exception {
        AutoCloseable c = n % 2 == 0 ? sse() : socket("/api/events/ws");
        Thread.sleep(stay);
        c.close();
    }

    /** Clients the server should drop or time out by itself; the soak leaves them to it. */
    synchronized void deadClients(int idleTcp, int silentSockets, int stuckSse) {
        for (int i = 0; i < idleTcp; i++) {
            tryOpen(() -> raw("127.0.0.3", null));
        }
        for (int i = 0; i < silentSockets; i++) {
            tryOpen(() -> raw("127.0.0.4", "GET /api/events/ws HTTP/1.1\r\nHost: " + hostPort()
                    + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: "
                    + Base64.getEncoder().encodeToString("soak-silent-key!".getBytes(StandardCharsets.US_ASCII))
                    + "\r\nSec-WebSocket-Version: 13\r\n\r\n"));
        }
        for (int i = 0; i < stuckSse; i++) {
            tryOpen(() -> raw("127.0.0.5", "GET /api/events HTTP/1.1\r\nHost: " + hostPort()
                    + "\r\nAccept: text/event-stream\r\n\r\n"));
        }
    }

    private interface Opener {
        AutoCloseable open() throws Exception;
    }

    private void tryOpen(Opener o) {
        try {
            open.add(o.open());
        } catch (Exception e) {
            refused.incrementAndGet();
        }
    }

    private String hostPort() {
        return base.getHost() + ":" + base.getPort();
    }

    /** A connection from {@code from} that sends {@code request} (or nothing) and never reads. */
    private Socket raw(String from, String request) throws IOException {
        Socket s = new Socket();
        s.setReceiveBufferSize(4096);
        s.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
        s.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5_000);
        if (request != null) {
            s.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
        }
        return s;
    }

    private AutoCloseable sse() {
        HttpResponse<InputStream> r = http.sendAsync(HttpRequest.newBuilder(base.resolve("/api/events"))
                        .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofInputStream())
                .orTimeout(30, TimeUnit.SECONDS).join();
        if (r.statusCode() != 200) {
            refused.incrementAndGet();
        }
        InputStream body = r.body();
        Thread reader = Thread.ofVirtual().start(() -> {
            byte[] buf = new byte[8192];
            try {
                for (int n; (n = body.read(buf)) >= 0; ) {
                    for (int i = 0; i < n; i++) {
                        if (buf[i] == '\n' && i + 1 < n && buf[i + 1] == '\n') {
                            eventsRead.incrementAndGet();
                        }
                    }
                }
            } catch (IOException closed) {
                // the stream ended
            }
        });
        return () -> {
            body.close();
            reader.join(5_000);
        };
    }

    private AutoCloseable socket(String path) throws Exception {
        WebSocket ws = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10)).buildAsync(
                URI.create("ws://" + hostPort() + path), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                        if (last) {
                            eventsRead.incrementAndGet();
                        }
                        w.request(1);
                        return null;
                    }

                    @Override
                    public CompletionStage<?> onClose(WebSocket w, int code, String reason) {
                        if (code == 1013) {
                            refused.incrementAndGet();
                        }
                        return null;
                    }
                }).get(30, TimeUnit.SECONDS);
        return () -> ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(5, TimeUnit.SECONDS);
    }

    @Override
    public synchronized void close() {
        for (AutoCloseable c : open) {
            try {
                c.close();
            } catch (Exception ignored) {
                // already gone: the server dropped it
            }
        }
        open.clear();
    }
}

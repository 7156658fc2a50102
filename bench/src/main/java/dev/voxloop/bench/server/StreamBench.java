package dev.voxloop.bench.server;

import dev.voxloop.bench.soak.ServerProcess;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What dead stream clients and a burst of requests cost a running server, read from the outside: the server
 * process's thread count and RSS (from /proc), its stream clients (from /health), how long silent WebSocket clients
 * (handshake, then never a read or a pong) hold their places, whether the console still gets in meanwhile, and
 * whether the threads a burst of requests needed are given back afterwards.
 */
public final class StreamBench {

    private static final Pattern NUMBER = Pattern.compile("\"%s\"\\s*:\\s*(\\d+)");

    private final URI base;
    private final long pid;
    private final ServerProcess process;
    private final PrintStream out;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    public StreamBench(URI base, long pid, PrintStream out) {
        this.base = base;
        this.pid = pid;
        this.process = new ServerProcess(pid);
        this.out = out;
    }

    /** Figures of one run; false when anything the server must do did not happen. */
    public boolean run(int deadClients, int addresses, int burstClients, int burstRequests) throws Exception {
        out.printf("baseline: threads=%d rss=%d MB stream_clients=%d%n", threads(), rssMb(), streamClients());
        List<Socket> dead = new ArrayList<>();
        int refused = 0;
        long opened = System.nanoTime();
        for (int i = 0; i < deadClients; i++) {
            String from = "127.0.0." + (2 + i % addresses);
            try {
                dead.add(silentClient(from, i % 2 == 0 ? "/ws/status" : "/api/events/ws"));
            } catch (IOException e) {
                refused++;
            }
        }
        long allOpen = System.nanoTime();
        int held = streamClients();
        out.printf("dead clients: %d tried from %d addresses in %.1f s, %d held by the server, %d refused;"
                + " threads=%d rss=%d MB%n", deadClients, addresses, (allOpen - opened) / 1e9, held, refused,
                threads(), rssMb());
        boolean consoleIn;
        try (Live console = new Live(base, "/ws/status")) {
            consoleIn = console.firstMessage(Duration.ofSeconds(10));
        }
        out.printf("console from 127.0.0.1 while they are held: %s%n", consoleIn ? "connected" : "REFUSED");
        double reapedAfter = waitUntil(() -> streamClients() == 0, Duration.ofMinutes(5));
        out.printf("dead clients dropped: %s, the last %.1f s after it was opened (the first opened %.1f s before"
                + " it); threads=%d%n", reapedAfter < 0 ? "NOT ALL" : "all", (System.nanoTime() - allOpen) / 1e9,
                (allOpen - opened) / 1e9, threads());
        for (Socket s : dead) {
            s.close();
        }

        int before = threads();
        Burst burst = Burst.run(base, burstClients, burstRequests, this::threads);
        out.printf("burst: %s; threads before=%d peak=%d%n", burst, before, burst.peakThreads());
        int waited = 0;
        for (int seconds : new int[] {5, 15, 30, 60}) {
            Thread.sleep((seconds - waited) * 1000L);
            waited = seconds;
            out.printf("  %2d s after the burst: threads=%d rss=%d MB%n", seconds, threads(), rssMb());
        }
        out.printf("threads by name at the end: %s%n", threadNames());
        return consoleIn && reapedAfter >= 0 && burst.errors() == 0;
    }

    /** Handshake from {@code from}, then nothing: never reads again, never answers a ping. */
    private Socket silentClient(String from, String path) throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
        socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5_000);
        String key = Base64.getEncoder().encodeToString(("silent-" + System.nanoTime()).substring(0, 16)
                .getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: " + key
                + "\r\nSec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        socket.setSoTimeout(5_000);
        InputStream in = socket.getInputStream();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.append((char) b);
        }
        if (!head.toString().startsWith("HTTP/1.1 101")) {
            socket.close();
            throw new IOException("handshake refused: " + head.toString().lines().findFirst().orElse(""));
        }
        // a full server refuses after the upgrade with close 1013: a close frame is waiting to be read
        socket.setSoTimeout(300);
        try {
            int b = in.read();
            if (b == 0x88) {
                socket.close();
                throw new IOException("closed after the upgrade");
            }
        } catch (java.net.SocketTimeoutException quiet) {
            // nothing sent yet: the server kept it
        }
        return socket;
    }

    /** The server's threads grouped by name without digits ({@code voxloop-http-12} counts as voxloop-http-). */
    String threadNames() {
        java.util.Map<String, Integer> names = new java.util.TreeMap<>();
        try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String name = Files.readString(task.resolve("comm")).strip().replaceAll("\\d+", "#");
                    names.merge(name, 1, Integer::sum);
                } catch (IOException gone) {
                    // the thread ended while we looked
                }
            }
        } catch (IOException e) {
            return "unreadable";
        }
        return names.toString();
    }

    int threads() {
        return process.threads();
    }

    long rssMb() {
        return process.rssMb();
    }

    int streamClients() {
        try {
            String body = http.send(HttpRequest.newBuilder(base.resolve("/health")).timeout(Duration.ofSeconds(10))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
            return number(body, "ws_connections") + number(body, "stream_clients");
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static int number(String json, String name) {
        Matcher m = Pattern.compile(String.format(NUMBER.pattern(), name)).matcher(json);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    /** Seconds until {@code done}, or -1 when {@code limit} passed first. */
    private static double waitUntil(java.util.function.BooleanSupplier done, Duration limit)
            throws InterruptedException {
        long start = System.nanoTime();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() - start > limit.toNanos()) {
                return -1;
            }
            Thread.sleep(250);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** A console-like client: the JDK answers pings by itself. */
    private static final class Live implements WebSocket.Listener, AutoCloseable {
        private final CompletableFuture<Boolean> first = new CompletableFuture<>();
        private final WebSocket socket;

        Live(URI base, String path) throws Exception {
            this.socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(URI.create("ws://"
                    + base.getHost() + ":" + base.getPort() + path), this).get(10, TimeUnit.SECONDS);
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            first.complete(true);
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            first.complete(false);
            return null;
        }

        boolean firstMessage(Duration within) {
            try {
                return first.get(within.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                return false;
            }
        }

        @Override
        public void close() {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
    }
}

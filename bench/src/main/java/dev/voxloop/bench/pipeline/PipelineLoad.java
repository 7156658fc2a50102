package dev.voxloop.bench.pipeline;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Closed-loop load on {@code POST /api/pipeline/run}: N clients each send requests back to back for a fixed
 * count. Reports p50/p99 latency, throughput and errors. The server should run with approval off so every
 * request files a ticket (text → extraction → ticket → queue).
 */
public final class PipelineLoad {

    /** Figures for one concurrency level. */
    public record Result(int clients, int requests, int errors, double seconds, double p50Ms, double p99Ms,
                         double maxMs) {

        public double requestsPerSecond() {
            return requests / seconds;
        }

        @Override
        public String toString() {
            return String.format("clients=%-3d requests=%-5d errors=%-3d rps=%7.1f p50=%6.1f ms p99=%7.1f ms max=%7.1f ms",
                    clients, requests, errors, requestsPerSecond(), p50Ms, p99Ms, maxMs);
        }
    }

    private static final String[] REQUESTS = {
        "Create a high priority bug in BookIt: the calendar crashes on Safari",
        "Add a story to StoreIt so customers can save items to a wishlist",
        "Create a task in TrackIt to upgrade the invoice PDF library",
        "In EventIt the QR code scanner rejects valid tickets at the door, urgent",
        "The Platform deploy pipeline fails when the integration tests time out, high priority",
    };

    private final URI endpoint;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public PipelineLoad(URI baseUrl, String token) {
        this.endpoint = baseUrl.resolve("/api/pipeline/run");
        this.token = token;
    }

    public Result run(int clients, int requestsPerClient) throws Exception {
        long[] latencies = new long[clients * requestsPerClient];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                final int client = c;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < requestsPerClient; i++) {
                        String text = REQUESTS[(client + i) % REQUESTS.length] + " (" + client + "/" + i + ")";
                        long t0 = System.nanoTime();
                        boolean ok = send(text);
                        latencies[next.getAndIncrement()] = System.nanoTime() - t0;
                        if (!ok) {
                            errors.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(latencies);
        return new Result(clients, latencies.length, errors.get(), seconds, percentile(latencies, 0.50),
                percentile(latencies, 0.99), latencies[latencies.length - 1] / 1e6);
    }

    /** A few requests to load classes and fill caches before measuring. */
    public void warmUp(int requests) throws Exception {
        for (int i = 0; i < requests; i++) {
            send(REQUESTS[i % REQUESTS.length] + " (warm-up " + i + ")");
        }
    }

    private boolean send(String text) {
        String body = "{\"text\":\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
        HttpRequest.Builder b = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(30))
                .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null && !token.isBlank()) {
            b.header("authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 && r.body().contains("ticket_key");
        } catch (Exception e) {
            // a request that did not get through is counted as an error in the figures, which is its whole effect
            return false;
        }
    }

    static double percentile(long[] sortedNanos, double q) {
        int idx = (int) Math.ceil(q * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, idx))] / 1e6;
    }
}

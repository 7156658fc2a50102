package dev.voxloop.bench.server;

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
import java.util.function.IntSupplier;

/**
 * A burst of requests from many clients at once (typed intakes, each with its own Idempotency-Key, and ticket
 * lists, alternating), sampling the server's thread count while it lasts.
 */
record Burst(int clients, int requests, int errors, double seconds, double p50Ms, double p99Ms, int peakThreads) {

    @Override
    public String toString() {
        return String.format("clients=%d requests=%d errors=%d in %.1f s, p50=%.1f ms p99=%.1f ms", clients, requests,
                errors, seconds, p50Ms, p99Ms);
    }

    static Burst run(URI base, int clients, int perClient, IntSupplier threads) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .executor(Executors.newFixedThreadPool(4)).build();
        long[] latencies = new long[clients * perClient];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger(threads.getAsInt());
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        Thread sampler = Thread.ofPlatform().daemon().start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(threads.getAsInt(), Math::max);
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        long start = System.nanoTime();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < perClient; i++) {
                        long t0 = System.nanoTime();
                        boolean ok = send(http, base, client, i);
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
            sampler.interrupt();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(latencies);
        return new Burst(clients, latencies.length, errors.get(), seconds, percentile(latencies, 0.5),
                percentile(latencies, 0.99), peak.get());
    }

    private static boolean send(HttpClient http, URI base, int client, int i) {
        HttpRequest.Builder b;
        if (i % 2 == 0) {
            b = HttpRequest.newBuilder(base.resolve("/api/pipeline/run")).header("content-type", "application/json")
                    .header("Idempotency-Key", "burst-" + client + "-" + i + "-" + System.nanoTime())
                    .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"Create a task in TrackIt to upgrade the"
                            + " invoice PDF library (" + client + "/" + i + ")\"}"));
        } else {
            b = HttpRequest.newBuilder(base.resolve("/api/tickets?limit=20")).GET();
        }
        try {
            int status = http.send(b.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
            return status == 200;
        } catch (Exception e) {
            // a request that did not get through is an error in the figures, which is its whole effect
            return false;
        }
    }

    private static double percentile(long[] sortedNanos, double q) {
        int idx = (int) Math.ceil(q * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, idx))] / 1e6;
    }
}

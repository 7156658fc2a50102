package dev.voxloop.bench.server;

import dev.voxloop.bench.load.ClosedLoop;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;
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
        AtomicInteger peak = new AtomicInteger(threads.getAsInt());
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
        try {
            ClosedLoop.Outcome o = ClosedLoop.run(clients, perClient, (client, i) -> send(http, base, client, i));
            return new Burst(clients, o.sortedNanos().length, o.errors(), o.seconds(), o.percentileMs(0.5),
                    o.percentileMs(0.99), peak.get());
        } finally {
            sampler.interrupt();
        }
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
}

package dev.voxloop.bench.load;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Closed-loop load: {@code clients} threads each send {@code perClient} requests back to back. Reports every
 * request's latency (sorted) and how many did not succeed.
 */
public final class ClosedLoop {

    /** One request of client {@code client}, its {@code i}-th; true when it succeeded. */
    public interface Request {
        boolean send(int client, int i);
    }

    /** Latencies in nanoseconds, sorted; errors; wall time. */
    public record Outcome(long[] sortedNanos, int errors, double seconds) {

        public double percentileMs(double q) {
            int idx = (int) Math.ceil(q * sortedNanos.length) - 1;
            return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, idx))] / 1e6;
        }

        public double maxMs() {
            return sortedNanos[sortedNanos.length - 1] / 1e6;
        }
    }

    private ClosedLoop() {
    }

    public static Outcome run(int clients, int perClient, Request request) throws Exception {
        long[] latencies = new long[clients * perClient];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < perClient; i++) {
                        long t0 = System.nanoTime();
                        boolean ok = request.send(client, i);
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
        return new Outcome(latencies, errors.get(), seconds);
    }
}

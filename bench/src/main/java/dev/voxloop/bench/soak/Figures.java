package dev.voxloop.bench.soak;

import java.io.PrintStream;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The soak's results, read from {@code /metrics}: per request kind (method and route template) the count, p50 and
 * p99 of the load window and the answers that were not 2xx; the intake stages; the database pool at its busiest
 * (sampled every 5 s); errors: 5xx answers plus requests that got no answer at all.
 */
final class Figures {

    private static final String HTTP = "http_server_requests_seconds";

    private double maxDbActive;
    private double maxDbPending;
    private int maxThreads;

    void sample(PromText m) {
        maxDbActive = Math.max(maxDbActive, m.sum("hikaricp_connections_active"));
        maxDbPending = Math.max(maxDbPending, m.sum("hikaricp_connections_pending"));
        maxThreads = Math.max(maxThreads, (int) m.sum("jvm_threads_live_threads"));
    }

    /** Prints the figures; returns the error count. */
    long report(PrintStream out, PromText start, PromText end, Conversations talk) {
        Map<String, Map<String, String>> kinds = new TreeMap<>();
        for (Map<String, String> labels : end.labelSets(HTTP + "_count", "")) {
            kinds.put(labels.get("method") + " " + labels.get("route"), Map.of("method", labels.get("method"),
                    "route", labels.get("route")));
        }
        out.println("request kind                                  count     p50 ms     p99 ms  not 2xx");
        long total = 0;
        for (var kind : kinds.entrySet()) {
            String method = kind.getValue().get("method");
            String route = kind.getValue().get("route");
            List<Map<String, String>> series = end.labelSets(HTTP + "_count", "").stream()
                    .filter(l -> method.equals(l.get("method")) && route.equals(l.get("route"))).toList();
            double count = 0;
            StringBuilder notOk = new StringBuilder();
            double p50 = Double.NaN;
            double p99 = Double.NaN;
            double most = 0;
            for (Map<String, String> l : series) {
                double c = end.sum(HTTP + "_count", flat(l)) - start.sum(HTTP + "_count", flat(l));
                count += c;
                if (!l.get("status").startsWith("2") && c > 0) {
                    notOk.append(l.get("status")).append("×").append(Math.round(c)).append(' ');
                }
                if (l.get("status").startsWith("2") && c > most) {
                    most = c;
                    p50 = end.quantile(HTTP, l, 0.50, start) * 1000;
                    p99 = end.quantile(HTTP, l, 0.99, start) * 1000;
                }
            }
            if (count == 0) {
                continue;
            }
            total += Math.round(count);
            boolean stream = route.equals("/api/events") || route.startsWith("/ws");
            out.printf("%-44s %6d %10s %10s  %s%n", kind.getKey(), Math.round(count), stream ? "(stream)" : ms(p50),
                    stream ? "" : ms(p99), notOk.toString().strip());
        }
        long serverErrors = Math.round(end.labelSets(HTTP + "_count", "").stream()
                .filter(l -> l.get("status").startsWith("5"))
                .mapToDouble(l -> end.sum(HTTP + "_count", flat(l)) - start.sum(HTTP + "_count", flat(l))).sum());
        out.printf("requests: %d; 5xx answers: %d; requests with no answer (connection failed or timed out): %d%n",
                total, serverErrors, talk.unanswered.get());
        out.printf("answers seen by the clients: %s%n", new TreeMap<>(talk.answers));
        out.printf("intakes: %d filed, %d discarded by the load; the server counted %s%n", talk.filed.get(),
                talk.discarded.get(), deltas(start, end, "voxloop_intakes_total", "outcome"));
        for (String stage : List.of("transcribe", "extract", "file")) {
            Map<String, String> l = Map.of("stage", stage);
            out.printf("intake stage %-10s count=%d p50=%s ms p99=%s ms%n", stage,
                    Math.round(end.sum("voxloop_intake_stage_seconds_count", "stage", stage)
                            - start.sum("voxloop_intake_stage_seconds_count", "stage", stage)),
                    ms(end.quantile("voxloop_intake_stage_seconds", l, 0.5, start) * 1000),
                    ms(end.quantile("voxloop_intake_stage_seconds", l, 0.99, start) * 1000));
        }
        out.printf("database pool: max %d connections; busiest sample %.0f in use, %.0f waiting; %d requests got no"
                        + " connection in time (503); slowest recent acquire %s ms%n",
                Math.round(end.sum("hikaricp_connections_max")), maxDbActive, maxDbPending,
                Math.round(end.sum("hikaricp_connections_timeout_total")
                        - start.sum("hikaricp_connections_timeout_total")),
                ms(slowestAcquire(end)));
        out.printf("JVM threads at the busiest sample: %d%n", maxThreads);
        return serverErrors + talk.unanswered.get();
    }

    /** Hikari publishes acquire time as a summary with a max gauge, not buckets: that max (recent window). */
    private static double slowestAcquire(PromText end) {
        return end.sum("hikaricp_connections_acquire_seconds_max") * 1000;
    }

    private static String deltas(PromText start, PromText end, String name, String label) {
        Map<String, Long> out = new TreeMap<>();
        for (Map<String, String> l : end.labelSets(name, "")) {
            out.put(l.get(label), Math.round(end.sum(name, label, l.get(label)) - start.sum(name, label, l.get(label))));
        }
        return out.toString();
    }

    private static String[] flat(Map<String, String> labels) {
        return labels.entrySet().stream().sorted(Comparator.comparing(Map.Entry::getKey))
                .flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue())).toArray(String[]::new);
    }

    private static String ms(double v) {
        return Double.isNaN(v) ? "-" : String.format("%.1f", v);
    }
}

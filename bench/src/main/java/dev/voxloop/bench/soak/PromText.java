package dev.voxloop.bench.soak;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One scrape of {@code /metrics} (Prometheus' text format) read back: each sample by series name and labels, and
 * percentiles from a histogram's cumulative buckets as Prometheus' {@code histogram_quantile} computes them (linear
 * within the bucket the rank falls in), over the window between two scrapes.
 */
record PromText(Map<String, Map<Map<String, String>, Double>> series) {

    private static final Pattern SAMPLE = Pattern.compile(
            "^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(?:[^\"}]|\"(?:[^\"\\\\]|\\\\.)*\")*})? (\\S+)$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    static PromText parse(String text) {
        Map<String, Map<Map<String, String>, Double>> series = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            Matcher m = SAMPLE.matcher(line.strip());
            if (line.startsWith("#") || !m.matches()) {
                continue;
            }
            Map<String, String> labels = new TreeMap<>();
            if (m.group(2) != null) {
                Matcher l = LABEL.matcher(m.group(2));
                while (l.find()) {
                    labels.put(l.group(1), l.group(2));
                }
            }
            series.computeIfAbsent(m.group(1), k -> new LinkedHashMap<>()).put(labels, Double.parseDouble(m.group(3)));
        }
        return new PromText(series);
    }

    /** The sum of {@code name}'s series whose labels include {@code match} (k, v, k, v ...). */
    double sum(String name, String... match) {
        double total = 0;
        for (var e : series.getOrDefault(name, Map.of()).entrySet()) {
            if (matches(e.getKey(), match)) {
                total += e.getValue();
            }
        }
        return total;
    }

    /** The label sets of {@code name}'s series, without {@code drop} (e.g. "le"), each once. */
    List<Map<String, String>> labelSets(String name, String drop) {
        List<Map<String, String>> out = new ArrayList<>();
        for (Map<String, String> labels : series.getOrDefault(name, Map.of()).keySet()) {
            Map<String, String> kept = new TreeMap<>(labels);
            kept.remove(drop);
            if (!out.contains(kept)) {
                out.add(kept);
            }
        }
        return out;
    }

    /**
     * The {@code q} quantile (seconds) of histogram {@code name} for the series with exactly {@code labels}
     * (besides {@code le}), counting only observations made after {@code before}; NaN when there were none.
     */
    double quantile(String name, Map<String, String> labels, double q, PromText before) {
        TreeMap<Double, Double> buckets = new TreeMap<>();
        for (var e : series.getOrDefault(name + "_bucket", Map.of()).entrySet()) {
            Map<String, String> l = new TreeMap<>(e.getKey());
            String le = l.remove("le");
            if (le != null && l.equals(labels)) {
                double earlier = before == null ? 0 : before.series.getOrDefault(name + "_bucket", Map.of())
                        .getOrDefault(e.getKey(), 0.0);
                buckets.put(le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le), e.getValue() - earlier);
            }
        }
        if (buckets.isEmpty() || buckets.lastEntry().getValue() <= 0) {
            return Double.NaN;
        }
        double rank = q * buckets.lastEntry().getValue();
        double lowerBound = 0;
        double lowerCount = 0;
        for (var b : buckets.entrySet()) {
            if (b.getValue() >= rank) {
                if (b.getKey().isInfinite()) {
                    return lowerBound;
                }
                double inBucket = b.getValue() - lowerCount;
                return inBucket <= 0 ? b.getKey() : lowerBound + (b.getKey() - lowerBound) * (rank - lowerCount) / inBucket;
            }
            lowerBound = b.getKey();
            lowerCount = b.getValue();
        }
        return lowerBound;
    }

    private static boolean matches(Map<String, String> labels, String... match) {
        for (int i = 0; i + 1 < match.length; i += 2) {
            if (!match[i + 1].equals(labels.get(match[i]))) {
                return false;
            }
        }
        return true;
    }
}

package dev.voxloop.bench.intent;

import dev.voxloop.core.intent.Extraction;
import dev.voxloop.core.intent.IntentExtractor;
import dev.voxloop.core.intent.IntentRequest;
import dev.voxloop.core.ticket.Project;
import dev.voxloop.intake.ClarificationPolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Scores an extractor on a labelled TSV (columns text, issue_type, priority, project, clarify; see
 * {@code shared/testdata/intent/README.md}): {@code A|B} accepts either, {@code -} (type, priority) is right when
 * the extractor leaves the field empty or asks first, {@code ?} (project) is right when no project is chosen.
 * The clarify decision is core's {@link ClarificationPolicy} on the first round, without a default project.
 */
public final class IntentBench {

    /** One labelled request. */
    public record Row(String text, String type, String priority, String project, boolean clarify) {
    }

    /** What the extractor did on one row and which fields it got right. */
    public record Outcome(Row row, Extraction extraction, boolean clarify, boolean typeOk, boolean priorityOk,
                          boolean projectOk, boolean clarifyOk) {

        public boolean allOk() {
            return typeOk && priorityOk && projectOk && clarifyOk;
        }
    }

    /** Accuracy per field (0..1) and warm latency per request. */
    public record Result(String extractor, int rows, double type, double priority, double project, double clarify,
                         double p50Millis, double p99Millis, double meanMillis, List<Outcome> outcomes) {

        public List<Outcome> misses() {
            return outcomes.stream().filter(o -> !o.allOk()).toList();
        }
    }

    private final IntentExtractor extractor;
    private final ClarificationPolicy policy;

    public IntentBench(IntentExtractor extractor, ClarificationPolicy policy) {
        this.extractor = extractor;
        this.policy = policy;
    }

    public static List<Row> read(Path tsv) throws IOException {
        List<Row> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String[] c = line.split("\t", -1);
            if (c.length < 5) {
                throw new IOException(tsv + ":" + (i + 1) + ": expected 5 tab-separated columns");
            }
            rows.add(new Row(c[0].strip(), c[1].strip(), c[2].strip(), c[3].strip(),
                    c[4].strip().toLowerCase(Locale.ROOT).startsWith("y")));
        }
        return rows;
    }

    /**
     * @param warmupPasses passes over all rows before timing (loads models, JIT)
     * @param timedPasses  timed passes; each request's time is one sample
     */
    public Result run(List<Row> rows, List<Project> projects, int warmupPasses, int timedPasses) {
        for (int pass = 0; pass < warmupPasses; pass++) {
            for (Row r : rows) {
                extractor.extract(IntentRequest.of(r.text(), projects));
            }
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (Row r : rows) {
            outcomes.add(score(r, extractor.extract(IntentRequest.of(r.text(), projects)), projects));
        }
        long[] nanos = new long[rows.size() * Math.max(1, timedPasses)];
        int n = 0;
        for (int pass = 0; pass < Math.max(1, timedPasses); pass++) {
            for (Row r : rows) {
                long t0 = System.nanoTime();
                extractor.extract(IntentRequest.of(r.text(), projects));
                nanos[n++] = System.nanoTime() - t0;
            }
        }
        Arrays.sort(nanos, 0, n);
        double mean = Arrays.stream(nanos, 0, n).average().orElse(0) / 1e6;
        int size = rows.size();
        return new Result(extractor.name(), size,
                ratio(outcomes.stream().filter(Outcome::typeOk).count(), size),
                ratio(outcomes.stream().filter(Outcome::priorityOk).count(), size),
                ratio(outcomes.stream().filter(Outcome::projectOk).count(), size),
                ratio(outcomes.stream().filter(Outcome::clarifyOk).count(), size),
                percentile(nanos, n, 0.50), percentile(nanos, n, 0.99), mean, List.copyOf(outcomes));
    }

    Outcome score(Row r, Extraction ex, List<Project> projects) {
        boolean clarify = policy.assess(ex, projects, 0).shouldAsk();
        String type = ex.draft().issueType() == null ? null : ex.draft().issueType().label();
        String priority = ex.draft().priority() == null ? null : ex.draft().priority().label();
        boolean typeOk = fieldOk(r.type(), type, clarify);
        boolean priorityOk = fieldOk(r.priority(), priority, clarify);
        String project = ex.draft().projectKey();
        boolean projectOk = "?".equals(r.project()) ? project == null : accepts(r.project(), project);
        return new Outcome(r, ex, clarify, typeOk, priorityOk, projectOk, clarify == r.clarify());
    }

    private static boolean fieldOk(String expected, String actual, boolean clarify) {
        if ("-".equals(expected)) {
            return actual == null || clarify;
        }
        return accepts(expected, actual);
    }

    private static boolean accepts(String expected, String actual) {
        if (actual == null) {
            return false;
        }
        for (String e : expected.split("\\|")) {
            if (e.strip().equalsIgnoreCase(actual)) {
                return true;
            }
        }
        return false;
    }

    private static double ratio(long ok, int total) {
        return total == 0 ? 0 : (double) ok / total;
    }

    private static double percentile(long[] sorted, int n, double q) {
        if (n == 0) {
            return 0;
        }
        int idx = (int) Math.ceil(q * n) - 1;
        return sorted[Math.max(0, Math.min(n - 1, idx))] / 1e6;
    }
}

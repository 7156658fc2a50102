package dev.voxloop.bench.intent;

import dev.voxloop.core.intent.IntentExtractor;
import dev.voxloop.core.intent.IntentRequest;
import dev.voxloop.core.ticket.Project;
import dev.voxloop.intent.embedded.SimilarTickets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The likely-duplicate hint on labelled pairs of requests: each request goes through the extractor as it would in
 * the intake (its summary is what is compared), the pair's similarity is measured once, and precision and recall
 * of "named as a likely duplicate" follow for any threshold.
 */
public final class DuplicateBench {

    /** One labelled pair: {@code open} was filed already, {@code fresh} is the new request. */
    public record Pair(String project, String open, String fresh, boolean same) {
    }

    /** A pair as measured: both summaries and their similarity. */
    public record Scored(Pair pair, String openSummary, String freshSummary, double similarity) {
    }

    /** Precision and recall of the hint at one threshold (NaN precision when nothing was named). */
    public record Figures(double threshold, int truePositives, int falsePositives, int falseNegatives,
                          int trueNegatives) {

        public double precision() {
            int named = truePositives + falsePositives;
            return named == 0 ? Double.NaN : (double) truePositives / named;
        }

        public double recall() {
            int same = truePositives + falseNegatives;
            return same == 0 ? Double.NaN : (double) truePositives / same;
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return Double.isNaN(p) || Double.isNaN(r) || p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    private final IntentExtractor extractor;
    private final SimilarTickets finder;

    public DuplicateBench(IntentExtractor extractor, SimilarTickets finder) {
        this.extractor = extractor;
        this.finder = finder;
    }

    /** Reads a pairs TSV (header: project, open_ticket_request, new_request, same). */
    public static List<Pair> read(Path tsv) throws IOException {
        List<String> lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
        List<Pair> out = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] c = line.split("\t");
            if (c.length != 4 || !(c[3].equals("yes") || c[3].equals("no"))) {
                throw new IllegalArgumentException(tsv + ": expected project, two requests and yes/no: " + c[0]);
            }
            out.add(new Pair(c[0], c[1], c[2], c[3].equals("yes")));
        }
        return out;
    }

    public List<Scored> score(List<Pair> pairs, List<Project> projects) {
        List<Scored> out = new ArrayList<>();
        for (Pair p : pairs) {
            String a = summary(p.open(), projects);
            String b = summary(p.fresh(), projects);
            double s = finder.similarity(a, b).orElseThrow(
                    () -> new IllegalStateException("the embedding model did not load"));
            out.add(new Scored(p, a, b, s));
        }
        return out;
    }

    public static Figures at(List<Scored> scored, double threshold) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        int tn = 0;
        for (Scored s : scored) {
            boolean named = s.similarity() >= threshold;
            if (named && s.pair().same()) {
                tp++;
            } else if (named) {
                fp++;
            } else if (s.pair().same()) {
                fn++;
            } else {
                tn++;
            }
        }
        return new Figures(threshold, tp, fp, fn, tn);
    }

    /**
     * The threshold (in steps of 0.01) with the best F-score weighing precision twice as much as recall (a wrong
     * hint costs the person a read, a missed one only what they had before the hint); when a range of thresholds
     * ties, its middle, so the choice does not sit on the edge of one development pair.
     */
    public static Figures choose(List<Scored> scored) {
        List<Figures> best = new ArrayList<>();
        double bestScore = -1;
        for (int i = 30; i <= 99; i++) {
            Figures f = at(scored, i / 100.0);
            double p = Double.isNaN(f.precision()) ? 0 : f.precision();
            double r = f.recall();
            double score = p + r == 0 ? 0 : 1.25 * p * r / (0.25 * p + r);
            if (score > bestScore + 1e-9) {
                bestScore = score;
                best.clear();
            }
            if (Math.abs(score - bestScore) <= 1e-9) {
                best.add(f);
            }
        }
        return best.get(best.size() / 2);
    }

    private String summary(String request, List<Project> projects) {
        return extractor.extract(IntentRequest.of(request, projects)).draft().summary();
    }
}

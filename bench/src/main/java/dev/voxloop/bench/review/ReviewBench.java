package dev.voxloop.bench.review;

import dev.voxloop.core.review.Category;
import dev.voxloop.core.review.Finding;
import dev.voxloop.core.review.Review;
import dev.voxloop.core.review.ReviewRequest;
import dev.voxloop.core.review.Reviewer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Scores a reviewer on a labelled set. Per category: detection = expected findings of that category matched by a
 * reported one (same path, line within {@value #LINE_TOLERANCE}); false-positive rate = of the cases that expect no
 * finding of that category, the share where the reviewer reported one. Also the clean cases with any finding, and
 * the review latency on a 500-line diff.
 */
public final class ReviewBench {

    public static final int LINE_TOLERANCE = 3;
    /** The built-in rules' categories, the ones a labelled set scores. */
    public static final List<Category> SCORED = List.of(Category.TEST_WEAKENED, Category.SECRET,
            Category.DEBUG_LEFTOVER, Category.DEPENDENCY, Category.OUT_OF_SCOPE, Category.TOO_LARGE,
            Category.UNTRACED_CRITERION);

    private final Reviewer reviewer;

    public ReviewBench(Reviewer reviewer) {
        this.reviewer = reviewer;
    }

    /** Per-category counts over a set, and what went wrong case by case. */
    public record Score(Map<Category, int[]> counts, int cases, int clean, int cleanFlagged, List<String> misses) {

        /** counts[c] = {expected, detected, negativeCases, negativeCasesFlagged}. */
        public String table() {
            StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                    "%-20s %9s %10s %10s %8s%n", "category", "expected", "detection", "FP cases", "FP rate"));
            int[] all = new int[4];
            for (Category c : SCORED) {
                int[] n = counts.get(c);
                out.append(String.format(Locale.ROOT, "%-20s %9d %10s %10s %8s%n", c.id(), n[0],
                        n[0] == 0 ? "-" : pct(n[1], n[0]), n[3] + "/" + n[2], pct(n[3], n[2])));
                for (int i = 0; i < 4; i++) {
                    all[i] += n[i];
                }
            }
            out.append(String.format(Locale.ROOT, "%-20s %9d %10s %10s %8s%n", "all", all[0], pct(all[1], all[0]),
                    all[3] + "/" + all[2], pct(all[3], all[2])));
            out.append(String.format(Locale.ROOT, "cases %d, clean %d, clean cases with any finding %d (%s)%n",
                    cases, clean, cleanFlagged, pct(cleanFlagged, clean)));
            return out.toString();
        }

        private static String pct(int a, int b) {
            return b == 0 ? "-" : String.format(Locale.ROOT, "%.1f %%", 100.0 * a / b);
        }
    }

    public Score score(List<ReviewCase> cases) {
        Map<Category, int[]> counts = new EnumMap<>(Category.class);
        SCORED.forEach(c -> counts.put(c, new int[4]));
        List<String> misses = new ArrayList<>();
        int clean = 0;
        int cleanFlagged = 0;
        for (ReviewCase rc : cases) {
            Review review = reviewer.review(rc.request());
            List<Finding> found = review.findings();
            if (rc.expected().isEmpty()) {
                clean++;
                cleanFlagged += found.isEmpty() ? 0 : 1;
            }
            for (ReviewCase.Expected e : rc.expected()) {
                int[] n = counts.get(e.category());
                if (n == null) {
                    continue;
                }
                n[0]++;
                if (found.stream().anyMatch(f -> e.matchedBy(f, LINE_TOLERANCE))) {
                    n[1]++;
                } else {
                    misses.add(rc.id() + ": missed " + e.category().id() + " at " + e.path() + ":" + e.line());
                }
            }
            for (Category c : SCORED) {
                boolean expects = rc.expected().stream().anyMatch(e -> e.category() == c);
                if (!expects) {
                    int[] n = counts.get(c);
                    n[2]++;
                    List<Finding> wrong = found.stream().filter(f -> f.category() == c).toList();
                    if (!wrong.isEmpty()) {
                        n[3]++;
                        wrong.forEach(f -> misses.add(rc.id() + ": false " + c.id() + " at " + f.where() + ": "
                                + f.message()));
                    }
                }
            }
        }
        return new Score(counts, cases.size(), clean, cleanFlagged, misses);
    }

    /** Review latency in milliseconds on {@link LatencyDiff#changedLines} changed lines: p50, p95, max. */
    public double[] latency(int rounds) {
        ReviewRequest request = LatencyDiff.request();
        for (int i = 0; i < 20; i++) {
            reviewer.review(request);
        }
        double[] ms = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long t = System.nanoTime();
            reviewer.review(request);
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        return new double[] {ms[rounds / 2], ms[(int) Math.min(rounds - 1, Math.ceil(rounds * 0.95) - 1)],
                ms[rounds - 1]};
    }
}

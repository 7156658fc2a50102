package dev.voxloop.app.bench;

import dev.voxloop.bench.review.ReviewBench;
import dev.voxloop.bench.review.ReviewCase;
import dev.voxloop.core.review.Reviewer;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code voxloop bench review --set DIR}: the built-in reviewer's detection and false-positive rates per category
 * on a labelled set, and its latency on a 500-line diff (docs/benchmarks.md).
 */
@Command(name = "review", mixinStandardHelpOptions = true,
        description = "Score the built-in reviewer on a labelled set of diffs and time it on a 500-line diff.")
final class BenchReviewCommand implements Callable<Integer> {

    @Option(names = "--set", paramLabel = "DIR", description = "A directory of <id>/diff.patch + case.json"
            + " (default bench/review/dev)")
    Path set;

    @Option(names = "--rounds", defaultValue = "200", description = "Timed reviews of the 500-line diff")
    int rounds;

    @Option(names = "--misses", description = "List every missed and every false finding")
    boolean misses;

    private final Supplier<Reviewer> reviewer;
    private final PrintStream out;

    BenchReviewCommand(Supplier<Reviewer> reviewer, PrintStream out) {
        this.reviewer = reviewer;
        this.out = out;
    }

    @Override
    public Integer call() {
        Path dir = set != null ? set : find(Path.of("bench/review/dev"));
        List<ReviewCase> cases;
        try {
            cases = ReviewCase.load(dir);
        } catch (IllegalArgumentException e) {
            System.err.println("voxloop bench review: " + e.getMessage());
            return 2;
        }
        ReviewBench bench = new ReviewBench(reviewer.get());
        ReviewBench.Score score = bench.score(cases);
        out.println("set " + dir.toAbsolutePath().normalize() + " (line tolerance ±" + ReviewBench.LINE_TOLERANCE + ")");
        out.print(score.table());
        if (misses) {
            score.misses().forEach(m -> out.println("  " + m));
        }
        double[] ms = bench.latency(rounds);
        out.printf(Locale.ROOT, "latency on a 500-line diff: p50 %.2f ms, p95 %.2f ms, max %.2f ms (%d rounds)%n",
                ms[0], ms[1], ms[2], rounds);
        return 0;
    }

    /** {@code relative} here or in a directory above (the repository root when run from a module). */
    private static Path find(Path relative) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve(relative))) {
            dir = dir.getParent();
        }
        return dir == null ? relative : dir.resolve(relative);
    }
}

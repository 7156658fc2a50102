package dev.voxloop.app.bench;

import dev.voxloop.bench.intent.DuplicateBench;
import dev.voxloop.core.config.ConfigTree;
import dev.voxloop.intent.IntentExtractors;
import dev.voxloop.intent.IntentSettings;
import dev.voxloop.intent.ProjectsFile;
import dev.voxloop.intent.embedded.SimilarTickets;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code voxloop bench duplicates --pairs TSV}: precision and recall of the read-back's likely-duplicate hint on
 * labelled request pairs, at the configured threshold ({@code intent.duplicates.threshold}) or {@code --threshold};
 * {@code --choose} also prints the threshold the development pairs would choose (never run it on a judging set).
 */
@Command(name = "duplicates", mixinStandardHelpOptions = true,
        description = "Measure the likely-duplicate hint on labelled request pairs (precision and recall).")
public final class BenchDuplicatesCommand implements Callable<Integer> {

    @Option(names = "--pairs", paramLabel = "TSV", description = "Labelled pairs (default bench/duplicates/dev-pairs.tsv)")
    Path pairs = Path.of("bench/duplicates/dev-pairs.tsv");

    @Option(names = "--projects", paramLabel = "FILE", description = "Projects file (default "
            + "../shared/testdata/intent/projects.json)")
    Path projects = Path.of("../shared/testdata/intent/projects.json");

    @Option(names = "--threshold", paramLabel = "X", description = "Threshold to judge (default: the configured one)")
    Double threshold;

    @Option(names = "--choose", description = "Also print the threshold these pairs would choose (development only)")
    boolean choose;

    @Spec
    CommandSpec spec;

    private final Supplier<ConfigTree> config;

    public BenchDuplicatesCommand(Supplier<ConfigTree> config) {
        this.config = config;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (!Files.isRegularFile(pairs) || !Files.isRegularFile(projects)) {
            spec.commandLine().getErr().println("voxloop bench duplicates: no file at " + (Files.isRegularFile(pairs)
                    ? projects : pairs));
            return 2;
        }
        IntentSettings settings = IntentSettings.from(config.get());
        double at = threshold != null ? threshold : settings.duplicateThreshold();
        SimilarTickets finder = SimilarTickets.withBundledModel(at, Duration.ofMinutes(2));
        DuplicateBench bench = new DuplicateBench(IntentExtractors.create(settings), finder);
        long t0 = System.nanoTime();
        List<DuplicateBench.Scored> scored = bench.score(DuplicateBench.read(pairs), ProjectsFile.read(projects));
        long millis = (System.nanoTime() - t0) / 1_000_000;
        DuplicateBench.Figures f = DuplicateBench.at(scored, at);
        out.printf(Locale.ROOT, "duplicates bench: pairs=%s (%d pairs, %d the same) extractor=%s%n", pairs,
                scored.size(), scored.stream().filter(s -> s.pair().same()).count(), settings.extractor());
        out.printf(Locale.ROOT, "at threshold %.2f: precision %.2f  recall %.2f  (tp %d, fp %d, fn %d, tn %d)%n", at,
                f.precision(), f.recall(), f.truePositives(), f.falsePositives(), f.falseNegatives(),
                f.trueNegatives());
        out.printf(Locale.ROOT, "time: %d ms for %d pairs, model load included%n", millis, scored.size());
        if (choose) {
            DuplicateBench.Figures best = DuplicateBench.choose(scored);
            out.printf(Locale.ROOT, "these pairs would choose %.2f (precision %.2f, recall %.2f)%n", best.threshold(),
                    best.precision(), best.recall());
        }
        return 0;
    }
}

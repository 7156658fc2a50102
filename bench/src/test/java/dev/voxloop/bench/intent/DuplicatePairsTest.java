package dev.voxloop.bench.intent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.voxloop.intent.IntentSettings;
import dev.voxloop.intent.ProjectsFile;
import dev.voxloop.intent.TestData;
import dev.voxloop.intent.embedded.EmbeddedExtractor;
import dev.voxloop.intent.embedded.SimilarTickets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The duplicate pair sets are well formed, and the configured threshold does what docs/benchmarks.md says on them. */
class DuplicatePairsTest {

    @Test
    void bothPairSetsAreWellFormedAndBalanced() throws Exception {
        for (String set : List.of("bench/duplicates/dev-pairs.tsv", "bench/heldout/duplicates.tsv")) {
            List<DuplicateBench.Pair> pairs = DuplicateBench.read(find(set));
            long same = pairs.stream().filter(DuplicateBench.Pair::same).count();
            assertThat(pairs).as(set).hasSizeGreaterThanOrEqualTo(40);
            assertThat(same).as("pairs labelled same in " + set).isBetween(pairs.size() / 3L, 2L * pairs.size() / 3);
        }
    }

    /** Loads the embedding model: a few seconds. Prints the dev figures; the held-out set is only reported. */
    @Test
    @Tag("slow")
    void theConfiguredThresholdFindsMostDuplicatesOfTheDevPairs() throws Exception {
        Path dir = TestData.intentDir();
        assumeTrue(dir != null, "shared/testdata/intent is not beside the repository");
        double threshold = IntentSettings.defaults().duplicateThreshold();
        SimilarTickets finder = SimilarTickets.withBundledModel(threshold, Duration.ofSeconds(120));
        DuplicateBench bench = new DuplicateBench(EmbeddedExtractor.rulesOnly(), finder);
        List<DuplicateBench.Scored> dev = bench.score(DuplicateBench.read(find("bench/duplicates/dev-pairs.tsv")),
                ProjectsFile.read(dir.resolve("projects.json")));
        dev.stream().sorted(java.util.Comparator.comparingDouble(DuplicateBench.Scored::similarity))
                .forEach(s -> System.out.printf(Locale.ROOT, "%.3f %s | %s | %s%n", s.similarity(),
                        s.pair().same() ? "SAME" : "diff", s.openSummary(), s.freshSummary()));
        DuplicateBench.Figures f = DuplicateBench.at(dev, threshold);
        DuplicateBench.Figures best = DuplicateBench.choose(dev);
        System.out.printf(Locale.ROOT, "dev at %.2f: precision %.2f recall %.2f; best F0.5 at %.2f (P %.2f R %.2f)%n",
                threshold, f.precision(), f.recall(), best.threshold(), best.precision(), best.recall());
        assertThat(f.precision()).isGreaterThanOrEqualTo(0.8);
        assertThat(f.recall()).isGreaterThanOrEqualTo(0.5);
    }

    private static Path find(String relative) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve(relative))) {
            dir = dir.getParent();
        }
        assertThat(dir).as(relative + " above the working directory").isNotNull();
        return dir.resolve(relative);
    }
}

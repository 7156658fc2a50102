package dev.voxloop.bench.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voxloop.core.review.Category;
import dev.voxloop.forge.review.diff.DiffFile;
import dev.voxloop.forge.review.diff.DiffLine;
import dev.voxloop.forge.review.diff.UnifiedDiff;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The development set of the review benchmark is in the agreed case format: enough seeded and clean cases, only
 * scored categories, every expected finding on a file and a line the diff really shows.
 */
class ReviewSetFormatTest {

    static Path find(String relative) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve(relative))) {
            dir = dir.getParent();
        }
        assertThat(dir).as(relative + " above the working directory").isNotNull();
        return dir.resolve(relative);
    }

    @Test
    void theDevelopmentSetHoldsThirtySeededAndThirtyCleanCases() {
        List<ReviewCase> cases = ReviewCase.load(find("bench/review/dev"));
        assertThat(cases.stream().filter(c -> !c.expected().isEmpty())).hasSizeGreaterThanOrEqualTo(30);
        assertThat(cases.stream().filter(c -> c.expected().isEmpty())).hasSizeGreaterThanOrEqualTo(30);
        for (ReviewCase c : cases) {
            UnifiedDiff diff = UnifiedDiff.parse(c.request().diff());
            assertThat(diff.files()).as(c.id()).isNotEmpty();
            assertThat(c.request().ticket()).as(c.id() + " ticket").isNotNull();
            for (ReviewCase.Expected e : c.expected()) {
                assertThat(ReviewBench.SCORED).as(c.id()).contains(e.category());
                if (e.path() == null) {
                    assertThat(e.category()).as(c.id()).isIn(Category.TOO_LARGE, Category.UNTRACED_CRITERION);
                    continue;
                }
                DiffFile f = diff.files().stream().filter(x -> e.path().equals(x.path())).findFirst().orElse(null);
                assertThat(f).as(c.id() + ": " + e.path() + " is in the diff").isNotNull();
                if (e.line() != null) {
                    assertThat(f.lines().stream().filter(l -> !l.kind().equals(DiffLine.Kind.CONTEXT))
                            .anyMatch(l -> l.line() == e.line())).as(c.id() + ": line " + e.line() + " is changed")
                            .isTrue();
                }
            }
        }
    }
}

package dev.voxloop.intent.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TableFileTest {

    private static final String DIR = "/dev/voxloop/intent/data/";

    @Test
    void fragmentsAndContinuationLinesMakeOnePatternPerRow() {
        List<TableFile.Row> rows = TableFile.load(DIR + "good.tsv", 2).rows();

        assertThat(rows).extracting(r -> r.cell(0)).containsExactly("rule one", "rule two");
        assertThat(rows.getFirst().pattern(1).pattern()).isEqualTo("\\b(?:ignore|skip|drop)\\s+it\\b");
        assertThat(rows.getFirst().pattern(1).matcher("please skip it now").find()).isTrue();
        assertThat(rows.getFirst().line()).isEqualTo(5);
    }

    @Test
    void aBrokenFileIsNamedWithItsLine() {
        assertThatThrownBy(() -> TableFile.load(DIR + "missing.tsv", 2))
                .hasMessage(DIR + "missing.tsv is missing from the build");
        assertThatThrownBy(() -> TableFile.load(DIR + "unknown-fragment.tsv", 2))
                .hasMessage(DIR + "unknown-fragment.tsv:1: unknown fragment ${NOPE}");
        assertThatThrownBy(() -> TableFile.load(DIR + "wrong-cells.tsv", 2))
                .hasMessage(DIR + "wrong-cells.tsv:1: expected 2 non-empty tab-separated cells, found 1");
        TableFile.Row bad = TableFile.load(DIR + "bad-regex.tsv", 2).rows().getFirst();
        assertThatThrownBy(() -> bad.pattern(1)).hasMessageStartingWith(DIR + "bad-regex.tsv:2: the regular "
                + "expression does not compile");
        assertThatThrownBy(() -> TableFile.words(DIR + "twice.txt"))
                .hasMessage(DIR + "twice.txt:3: 'word' is listed twice");
    }

    @Test
    void theShippedFilesAllLoad() {
        assertThat(TableFile.load("/dev/voxloop/intent/embedded/type-cues.tsv", 4).rows()).hasSizeGreaterThan(10);
        assertThat(TableFile.load("/dev/voxloop/intent/untrusted/injection-rules.tsv", 2).rows()).hasSize(10);
        assertThat(TableFile.words("/dev/voxloop/intent/embedded/stop-words.txt")).contains("the", "please");
    }
}

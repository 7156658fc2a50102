package dev.voxloop.speech.engine.pocketsphinx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.voxloop.core.transcript.Hypothesis;
import dev.voxloop.speech.engine.pocketsphinx.PocketSphinxDecoder.LatticePath;
import java.util.List;
import org.junit.jupiter.api.Test;

class NBestReadingsTest {

    @Test
    void pathsThatReadTheSameAreOneReadingWhoseProbabilitiesAddUp() {
        List<Hypothesis> h = new NBestReadings(1, 5).of("add a story in bucket", List.of(
                new LatticePath("add a story in bucket", Math.log(0.4)),
                new LatticePath("add a story in bookit", Math.log(0.3)),
                new LatticePath("add a story in bucket", Math.log(0.2)),
                new LatticePath("add a story in budget", Math.log(0.1))));

        assertThat(h).extracting(Hypothesis::text).containsExactly("add a story in bucket",
                "add a story in bookit", "add a story in budget");
        assertThat(h.get(0).weight()).isCloseTo(0.6, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(h.get(1).weight()).isCloseTo(0.3, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(h.stream().mapToDouble(Hypothesis::weight).sum()).isCloseTo(1, org.assertj.core.data.Offset
                .offset(1e-9));
    }

    @Test
    void theScaleFlattensScoresAndTheBestLeadsEvenWhenTheSearchesDisagree() {
        List<LatticePath> paths = List.of(new LatticePath("b", -1.0), new LatticePath("a", -1.1),
                new LatticePath("c", -3.0));
        List<Hypothesis> sharp = new NBestReadings(0.1, 5).of("a", paths);
        List<Hypothesis> flat = new NBestReadings(10, 5).of("a", paths);

        assertThat(sharp.getFirst().text()).isEqualTo("a");
        assertThat(sharp.get(1).text()).isEqualTo("b");
        assertThat(sharp.get(1).weight()).isGreaterThan(sharp.getFirst().weight());
        assertThat(sharp.get(2).weight()).isLessThan(1e-6);
        assertThat(flat.get(2).weight()).isGreaterThan(0.25);
    }

    @Test
    void keepsAtMostTheReadingsAskedForAndNothingWithoutPaths() {
        List<LatticePath> paths = List.of(new LatticePath("a", -1), new LatticePath("b", -2),
                new LatticePath("c", -3), new LatticePath("d", -4));
        assertThat(new NBestReadings(1, 2).of("c", paths)).extracting(Hypothesis::text).containsExactly("c", "a");
        assertThat(new NBestReadings(1, 2).of("x", List.of())).isEmpty();
        // a best path the A* search did not reach is still the first reading, as sure as its best path
        assertThat(new NBestReadings(1, 3).of("x", paths)).extracting(Hypothesis::text)
                .containsExactly("x", "a", "b");
        assertThatThrownBy(() -> new NBestReadings(0, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}

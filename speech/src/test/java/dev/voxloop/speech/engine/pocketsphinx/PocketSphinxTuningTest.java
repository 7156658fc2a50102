package dev.voxloop.speech.engine.pocketsphinx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PocketSphinxTuningTest {

    @Test
    void theDefaultsKeepPocketSphinxsNoiseSubtractionOffAndTheSearchBoundedFor2Cores() {
        List<String> options = PocketSphinxTuning.defaults().options();
        assertThat(options).containsSubsequence("-remove_noise", "no");
        assertThat(options).containsSubsequence("-maxhmmpf", "5000").containsSubsequence("-maxwpf", "10");
        assertThat(options).hasSize(options.size() / 2 * 2).allMatch(o -> !o.isBlank());
        for (int i = 0; i < options.size(); i += 2) {
            assertThat(options.get(i)).as("flag at %d", i).startsWith("-");
        }
    }

    @Test
    void aDomainWeightOutsideZeroToOneIsRefused() {
        assertThatThrownBy(() -> new PocketSphinxTuning(1.0, List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PocketSphinxTuning(0.0, List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}

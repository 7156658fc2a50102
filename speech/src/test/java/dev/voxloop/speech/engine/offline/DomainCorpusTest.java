package dev.voxloop.speech.engine.offline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DomainCorpusTest {

    private final List<String> corpus = new DomainCorpus(List.of("Voxloop", "VOX", "Billing Engine"))
            .sentences(DomainModel.CORPUS_SIZE, DomainModel.SEED);

    @Test
    void neverEmitsAHeldOutBenchmarkSentence() {
        Set<String> heldOut = DomainCorpus.heldOutSentences();
        assertThat(heldOut).hasSizeGreaterThanOrEqualTo(20);
        assertThat(new HashSet<>(corpus)).doesNotContainAnyElementsOf(heldOut);
        // and not even with a different seed or size
        List<String> other = new DomainCorpus(List.of()).sentences(20_000, 7);
        assertThat(new HashSet<>(other)).doesNotContainAnyElementsOf(heldOut);
    }

    @Test
    void includesTheTrackerVocabularyInSentences() {
        assertThat(corpus).anyMatch(s -> s.contains("voxloop project"));
        assertThat(corpus).anyMatch(s -> s.startsWith("add a ") && s.contains(" vox"));
        assertThat(corpus).anyMatch(s -> s.contains("billing engine") || s.contains("engine"));
    }

    @Test
    void isDeterministicAndLargeEnough() {
        assertThat(corpus).hasSizeGreaterThan(DomainModel.CORPUS_SIZE - 1);
        assertThat(new DomainCorpus(List.of("Voxloop", "VOX", "Billing Engine"))
                .sentences(DomainModel.CORPUS_SIZE, DomainModel.SEED)).isEqualTo(corpus);
    }
}

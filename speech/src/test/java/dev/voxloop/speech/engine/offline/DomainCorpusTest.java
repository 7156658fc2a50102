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

    @Test
    void aDescriptionPhraseIsASentenceAndItsWordsBecomeThingsTicketsAreAbout() {
        List<String> withPhrase = new DomainCorpus(List.of("StoreIt", "QR code tickets", "salons and clinics"))
                .sentences(DomainModel.CORPUS_SIZE, DomainModel.SEED);
        assertThat(withPhrase).contains("qr code tickets", "salons and clinics");
        // in ticket phrasing as things, beyond the phrase itself
        assertThat(withPhrase.stream().filter(s -> s.contains("qr code tickets")).count()).isGreaterThan(3);
        assertThat(withPhrase.stream().filter(s -> s.contains("clinics")).count()).isGreaterThan(3);
        // only names take a project's place: a description word never does, so it cannot crowd the names out
        assertThat(withPhrase).anyMatch(s -> s.contains("in the storeit project"));
        // and where people put a name: first, before "needs", as an owner
        assertThat(withPhrase).anyMatch(s -> s.startsWith("in storeit the ")).anyMatch(s -> s.startsWith("storeit needs "))
                .anyMatch(s -> s.startsWith("storeit's "));
        assertThat(withPhrase).noneMatch(s -> s.contains("in the clinics project") || s.contains("in the and project"));
        assertThat(DomainCorpus.contentRuns(List.of("appointment", "booking", "for", "salons", "and", "clinics")))
                .containsExactly("appointment booking", "salons", "clinics");
        assertThat(withPhrase).anyMatch(s -> s.contains("qr code ticket ")).anyMatch(s -> s.contains("clinic "));
        assertThat(DomainCorpus.singular("staff schedules")).isEqualTo("staff schedule");
        assertThat(DomainCorpus.singular("business")).isEqualTo("business");
    }
}

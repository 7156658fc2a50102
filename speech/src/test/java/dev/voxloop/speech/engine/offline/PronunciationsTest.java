package dev.voxloop.speech.engine.offline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PronunciationsTest {

    private final Pronunciations p = Pronunciations.forWords(List.of("ticket", "voxloop", "vxl", "k8s", "api", "signup", "webhook"));

    @Test
    void dictionaryWordsComeFromCmudict() {
        assertThat(p.known("ticket")).isTrue();
        assertThat(p.of("ticket")).first().asString().startsWith("T IH K");
    }

    @Test
    void unknownWordsGetLetterToSound() {
        assertThat(p.known("voxloop")).isFalse();
        assertThat(p.of("voxloop")).containsExactly("V AA K S L UW P");
    }

    @Test
    void compoundsAreTheirParts() {
        assertThat(p.of("signup")).containsExactly("S AY N AH P");
        assertThat(p.of("webhook")).containsExactly("W EH B HH UH K");
    }

    @Test
    void shortKeysAreAlsoSpelledOutAndDigitsSpoken() {
        assertThat(p.known("vxl")).isFalse();
        assertThat(p.of("vxl")).containsExactly("V K S L", "V IY EH K S EH L");
        assertThat(p.of("k8s")).singleElement().asString().startsWith("K EY EY T");
        assertThat(p.of("api")).anyMatch(s -> s.equals("EY P IY AY"));
    }

    @Test
    void dictionaryTextListsAlternates() {
        String dict = p.dictionaryFor(List.of("vxl", "ticket"));
        assertThat(dict).contains("vxl V K S L\n").contains("vxl(2) V IY EH K S EH L\n").contains("ticket T IH K");
    }
}

package dev.voxloop.speech.engine.offline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PronunciationsTest {

    private final Pronunciations p = Pronunciations.forWords(List.of("ticket", "voxloop", "vxl", "k8s", "api",
            "signup", "webhook", "bookit", "eventit"),
            Pronunciations.nameParts(List.of("BookIt", "EventIt", "SHOP", "Platform")));

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
    void runTogetherNamesSplitWhereTheirCapitalsDo() {
        assertThat(Pronunciations.nameParts(List.of("BookIt", "EventIt", "SHOP", "Platform", "the TimeSheet app")))
                .containsOnlyKeys("bookit", "eventit", "timesheet").containsEntry("bookit", List.of("book", "it"));
        // without them the longest first part is taken: "boo" + "kit"
        assertThat(Pronunciations.forWords(List.of("bookit")).of("bookit")).first().isEqualTo("B UW K IH T");
        assertThat(p.of("bookit")).first().isEqualTo("B UH K IH T");
    }

    @Test
    void runTogetherNamesAreSaidEveryWayTheirPartsAre() {
        // "it" run on after a stressed word is often a schwa: "book it" as "book-ut"
        assertThat(p.of("bookit")).containsExactly("B UH K IH T", "B UH K AH T");
        // "event" is IH V EH N T or IY V EH N T
        assertThat(p.of("eventit")).containsExactly("IH V EH N T IH T", "IY V EH N T IH T", "IH V EH N T AH T");
        assertThat(Pronunciations.reduced("S EH T")).isEqualTo("S AH T");
        assertThat(Pronunciations.reduced("HH UH K")).isNull();
        assertThat(Pronunciations.reduced("AH P")).isNull();
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

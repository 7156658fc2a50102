package dev.voxloop.core.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WordErrorRateTest {

    @Test
    void countsSubstitutionsDeletionsAndInsertions() {
        assertThat(WordErrorRate.errors("the cat sat", "the cat sat")).isZero();
        assertThat(WordErrorRate.errors("the cat sat", "the bat sat down")).isEqualTo(2);
        assertThat(WordErrorRate.errors("the cat sat", "cat")).isEqualTo(2);
        assertThat(WordErrorRate.of("the cat sat", "")).isEqualTo(1.0);
    }

    @Test
    void comparesTheSpokenFormOfNamesAndAcronyms() {
        String ref = "In StoreIt, export the QR codes as CSV at 25 öre";
        assertThat(WordErrorRate.referenceWords(ref))
                .containsExactly("in", "store", "it", "export", "the", "q", "r", "codes", "as", "c", "s", "v", "at",
                        "25", "ore");
        assertThat(WordErrorRate.errors(ref, "in storeit export the qr codes as csv at 25 ore")).isZero();
        assertThat(WordErrorRate.errors(ref, "in store it export the q r codes as c s v at 25 ore")).isZero();
        assertThat(WordErrorRate.errors(ref, "in story export the queue are codes as csv at 25 ore")).isEqualTo(4);
    }
}

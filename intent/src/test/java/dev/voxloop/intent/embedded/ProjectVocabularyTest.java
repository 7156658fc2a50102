package dev.voxloop.intent.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voxloop.core.ticket.Project;
import dev.voxloop.intent.TestData;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A project's own words, however a compound among them is written. */
class ProjectVocabularyTest {

    private final ProjectVocabulary vocab = new ProjectVocabulary(TestData.PROJECTS);

    private Map<String, Double> byKey(String text) {
        return vocab.scores(text).entrySet().stream()
                .collect(Collectors.toMap(e -> e.getKey().key(), Map.Entry::getValue));
    }

    @Test
    void aCompoundCountsWrittenTogetherApartOrHyphenated() {
        Map<String, Double> together = byKey("the weekly timesheet reminder");
        assertThat(together.get("TRACK")).isPositive();
        assertThat(byKey("the weekly time sheet reminder").get("TRACK")).isGreaterThanOrEqualTo(together.get("TRACK"));
        assertThat(byKey("the weekly time-sheet reminder").get("TRACK")).isGreaterThanOrEqualTo(together.get("TRACK"));
    }

    @Test
    void theWordsOfAHyphenatedTokenCountOneByOne() {
        assertThat(byKey("the door-scanner app logs out")).containsKey("EVT");
        assertThat(byKey("the check-out page is slow")).containsKey("SHOP");
    }

    @Test
    void aWordCountsInBritishAndAmericanSpelling() {
        // the description says "product catalogue"; a speech engine writes "catalog" whoever speaks
        assertThat(byKey("filter the catalog by size")).isEqualTo(byKey("filter the catalogue by size"))
                .containsKey("SHOP");
    }

    @Test
    void neighboursThatMakeNoVocabularyWordCountOnlyOnTheirOwn() {
        Map<Project, Double> apart = vocab.scores("the order confirmation email");
        assertThat(apart).isEqualTo(vocab.scores("the order, confirmation email"));
    }
}

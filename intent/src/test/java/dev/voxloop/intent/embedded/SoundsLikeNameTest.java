package dev.voxloop.intent.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voxloop.core.intent.IntentRequest;
import dev.voxloop.core.ticket.Project;
import dev.voxloop.core.transcript.Hypothesis;
import dev.voxloop.intent.TestData;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Project names a speech engine wrote as the words they sound like. */
class SoundsLikeNameTest {

    private final SoundsLikeName sounds = new SoundsLikeName(TestData.PROJECTS);
    private final EmbeddedExtractor extractor = EmbeddedExtractor.rulesOnly();

    private static String keyOf(Map<Project, Double> scores) {
        return scores.isEmpty() ? null : scores.keySet().iterator().next().key();
    }

    @Test
    void aNameWrittenAsAWordThatSoundsLikeItCounts() {
        assertThat(keyOf(sounds.scores("please add a dark mode to the storied admin pages"))).isEqualTo("SHOP");
        assertThat(keyOf(sounds.scores("Tracket invoices should show Swedish VAT"))).isEqualTo("TRACK");
        assertThat(keyOf(sounds.scores("the QR codes on evented tickets don't scan"))).isEqualTo("EVT");
    }

    @Test
    void aNameEndingInItCountsWithItsLastTSwallowed() {
        assertThat(keyOf(sounds.scores("In story, the stock count goes negative after a refund"))).isEqualTo("SHOP");
        assertThat(keyOf(sounds.scores("Customers of Storey can't pay"))).isEqualTo("SHOP");
        assertThat(sounds.scores("add a story to let customers save their cart")).as("a story is a ticket").isEmpty();
        assertThat(sounds.scores("the events page lists past events")).as("the name's first word is vocabulary")
                .isEmpty();
    }

    @Test
    void aSoundAlikeAfterAPrepositionWeighsAsANameHeardInAReading() {
        // "in story the stock count": where people say a product's name, and the word would need an article
        assertThat(sounds.scores("In story the stock count goes negative").values())
                .containsExactly(SoundsLikeName.AFTER_PREPOSITION);
        assertThat(sounds.scores("Storey checkout crashes").values()).containsExactly(SoundsLikeName.WEIGHT);
        assertThat(SoundsLikeName.AFTER_PREPOSITION).isGreaterThan(SoundsLikeName.WEIGHT);
    }

    /** The project drafted from a request; heard with a second reading when {@code other} is given. */
    private String projectOf(String best, String other) {
        List<Hypothesis> readings = other == null ? List.of()
                : List.of(new Hypothesis(best, 0.6), new Hypothesis(other, 0.4));
        return extractor.extract(new IntentRequest(best, List.of(), List.of(), null, TestData.PROJECTS, null,
                readings)).draft().projectKey();
    }

    @Test
    void heardStoryInTheRequestPlacesItInStoreIt() {
        assertThat(projectOf("In story, the stock count goes negative after a refund.",
                "In story the stock count goes negative after a refund.")).isEqualTo("SHOP");
    }

    @Test
    void wordsWithTheNamesSoundsButNotItsSpellingDoNot() {
        // "start" and "street" have StoreIt's consonants, "bucket" BookIt's: each is three letters from the name
        assertThat(sounds.scores("the timer does not start when I open the app")).isEmpty();
        assertThat(sounds.scores("the street address is cut off on the label")).isEmpty();
        assertThat(sounds.scores("upload the reports to the S3 bucket")).isEmpty();
    }

    @Test
    void shortWordsAndNamesWrittenRightAreLeftToTheNameRules() {
        assertThat(sounds.scores("a story about the store")).isEmpty();
        assertThat(sounds.scores("in StoreIt the cart is empty")).isEmpty();
    }

    @Test
    void theSpellingDistanceCountsASwapAsOne() {
        assertThat(SoundsLikeName.edits("storied", "storeit")).isEqualTo(2);
        assertThat(SoundsLikeName.edits("start", "storeit")).isEqualTo(3);
        assertThat(SoundsLikeName.edits("tracket", "trackit")).isEqualTo(1);
        assertThat(SoundsLikeName.edits("", "abc")).isEqualTo(3);
    }

    @Test
    void heardWordsThatSoundLikeANamePlaceTheRequestTypedOnesDoNot() {
        String best = "Please add a dark mode to the storied admin pages, no rush.";

        assertThat(projectOf(best, "Please add a dark mode to the storied admin pages, no rush,")).isEqualTo("SHOP");
        assertThat(projectOf(best, null)).as("typed: the person wrote 'storied'").isNotEqualTo("SHOP");
    }
}

package dev.voxloop.intent.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voxloop.core.intent.Extraction;
import dev.voxloop.core.intent.IntentRequest;
import dev.voxloop.core.intent.IssueType;
import dev.voxloop.core.transcript.Hypothesis;
import dev.voxloop.intent.TestData;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Heard words nobody checked come with the speech engine's N best readings: evidence a likely reading holds counts
 * by its weight, so a project name or a type word the best reading lost is not lost for the draft, while the
 * draft's words stay those of the best reading.
 */
class HeardReadingsTest {

    private final EmbeddedExtractor extractor = EmbeddedExtractor.rulesOnly();

    private Extraction heard(String best, List<Hypothesis> readings) {
        return extractor.extract(new IntentRequest(best, List.of(), List.of(), null, TestData.PROJECTS, null,
                readings));
    }

    @Test
    void aProjectNamedInALikelyReadingPlacesTheRequest() {
        String best = "add a story in the kid so we can change the colour of the header";
        List<Hypothesis> readings = List.of(new Hypothesis(best, 0.45),
                new Hypothesis("add a story in bookit so we can change the colour of the header", 0.4),
                new Hypothesis("add a story in the kit so we can change the colour of the header", 0.15));

        assertThat(heard(best, List.of()).draft().projectKey()).as("the best reading alone").isNotEqualTo("BOOK");
        Extraction ex = heard(best, readings);
        assertThat(ex.draft().projectKey()).isEqualTo("BOOK");
        assertThat(ex.draft().description()).isEqualTo(best);
        // a name heard only in some readings is less sure than a name in the words shown
        assertThat(ex.confidence().get("project")).isLessThan(0.5);
    }

    @Test
    void anUnlikelyReadingDoesNotDecide() {
        String best = "add a story in the kid so we can change the colour of the header";
        List<Hypothesis> readings = List.of(new Hypothesis(best, 0.97),
                new Hypothesis("add a story in bookit so we can change the colour of the header", 0.03));

        assertThat(heard(best, readings).draft().projectKey()).isNotEqualTo("BOOK");
    }

    @Test
    void aTypeCueALikelyReadingKeepsCounts() {
        String best = "the invoice export can show the totals in trackit";
        List<Hypothesis> readings = List.of(new Hypothesis(best, 0.4),
                new Hypothesis("the invoice export can't show the totals in trackit", 0.35),
                new Hypothesis("the invoice export cannot show the totals in trackit", 0.25));

        assertThat(heard(best, List.of()).draft().issueType()).isNotEqualTo(IssueType.BUG);
        assertThat(heard(best, readings).draft().issueType()).isEqualTo(IssueType.BUG);
    }

    @Test
    void readingsOfOtherWordsThanTheTextAreIgnored() {
        // the person corrected the words: the engine's readings of what it heard say nothing about them
        String typed = "add a story in the kid so we can change the colour of the header";
        List<Hypothesis> readings = List.of(new Hypothesis("something else entirely", 0.5),
                new Hypothesis("add a story in bookit so we can change the colour of the header", 0.5));

        assertThat(heard(typed, readings).draft().projectKey()).isNotEqualTo("BOOK");
    }

    @Test
    void aProjectOnlyASecondRecognisersReadingsNameDecidesWhenTheWordsShownNameNone() {
        // the offline engine: Moonshine's words first, written as the name sounds; PocketSphinx's readings after
        String best = "Please add a dark mode to the storied admin pages, no rush.";
        List<Hypothesis> readings = List.of(new Hypothesis(best, 0.5),
                new Hypothesis("please add a dark mode to the storeit admin pages no rush", 0.3),
                new Hypothesis("please add a dark mode to the storeit admin page is no rush", 0.15),
                new Hypothesis("please add a dark mode to the store admin pages no rush", 0.05));

        assertThat(heard(best, List.of()).draft().projectKey()).as("the words shown alone").isNotEqualTo("SHOP");
        Extraction ex = heard(best, readings);
        assertThat(ex.draft().projectKey()).isEqualTo("SHOP");
        assertThat(ex.draft().description()).contains("storied");
    }

    @Test
    void aNameAnEngineWroteApartIsReadAsTheTrackerWritesIt() {
        // the words of the request decide the type through the embedding: "Event it" and "EventIt" must not differ
        EmbeddedExtractor withModel = new EmbeddedExtractor(new MiniLmHints(
                () -> new MiniLmHintsTest.WordHashModel(0).load(), Duration.ofSeconds(30)));
        String typed = "EventIt attendee lists need a column for dietary needs";
        String heard = "Event it attendee lists need a column for dietary needs.";

        Extraction asTyped = withModel.extract(IntentRequest.of(typed, TestData.PROJECTS));
        Extraction asHeard = withModel.extract(new IntentRequest(heard, List.of(), List.of(), null, TestData.PROJECTS,
                null, List.of(new Hypothesis(heard, 1))));
        assertThat(asHeard.draft().summary()).isEqualTo(asTyped.draft().summary())
                .startsWith("EventIt attendee lists");
        assertThat(asHeard.draft().issueType()).isEqualTo(asTyped.draft().issueType());
        assertThat(asHeard.confidence()).as("the same evidence").isEqualTo(asTyped.confidence());
        assertThat(asHeard.draft().description()).isEqualTo("EventIt attendee lists need a column for dietary needs.");
    }

    @Test
    void typedWordsKeepTheirSpelling() {
        Extraction typed = extractor.extract(IntentRequest.of("Event it attendee lists need a column", TestData.PROJECTS));
        assertThat(typed.draft().description()).isEqualTo("Event it attendee lists need a column");
    }

    @Test
    void onlyANameIsRespelled() {
        ProjectVocabulary vocab = new ProjectVocabulary(TestData.PROJECTS);
        assertThat(vocab.spelledAsNamed("the calendar in book it's wrong, and eventit too; the store it shows"))
                .isEqualTo("the calendar in BookIt's wrong, and EventIt too; the StoreIt shows");
        // English around the same words stays: "store it in", "track it for", a name already written right
        assertThat(vocab.spelledAsNamed("please store it in the cache and track it for a week in TrackIt"))
                .isEqualTo("please store it in the cache and track it for a week in TrackIt");
        assertThat(vocab.spelledAsNamed("a bookkeeper and a platform team")).isEqualTo("a bookkeeper and a platform team");
    }
}

package dev.voxloop.intent.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voxloop.core.intent.IntentRequest;
import dev.voxloop.intent.TestData;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Acceptance criteria carry what the person specifically said (amounts, times, who and where, names) instead of
 * boilerplate; the boilerplate stays for requests that said nothing specific.
 */
class SpecificCriteriaTest {

    /** Sentences that only say what "done" means for a kind of ticket. */
    private static final List<String> BOILERPLATE = List.of("Given the change is released",
            "is available and works as described", "Given the steps in this ticket",
            "A regression test reproduces the original problem", "Given the work is finished",
            "Existing tests still pass", "when they use the new feature");

    private static List<String> criteria(String said) {
        return EmbeddedExtractor.rulesOnly().extract(IntentRequest.of(said, TestData.PROJECTS)).draft()
                .acceptanceCriteria();
    }

    private static String joined(List<String> criteria) {
        return String.join("\n", criteria);
    }

    @Test
    void timesAndWhoItIsForBecomeTheCriterion() {
        List<String> c = criteria("we need trackit invoices to be sent within ten seconds after approval for norwegian"
                + " companies");
        assertThat(c).containsExactly(
                "Given it is used for Norwegian companies, then TrackIt invoices are sent within ten seconds after"
                        + " approval");
        BOILERPLATE.forEach(b -> assertThat(joined(c)).doesNotContain(b));
    }

    @Test
    void aBugOnOneBrowserIsCheckedOnThatBrowserAndItsRegressionTestSaysSo() {
        List<String> c = criteria("Create a bug in BookIt: the calendar crashes on Safari when you pick next month");
        assertThat(c).containsExactly(
                "Given it is used on Safari, when you pick next month, then this no longer happens: the calendar crashes",
                "A regression test reproduces it (on Safari) and passes after the fix");
    }

    @Test
    void amountsAndNamesAreKept() {
        assertThat(criteria("Create a bug in EventIt: refunds fail for orders over 500 euros on Safari")).containsExactly(
                "Given it is used on Safari, then this no longer happens: refunds fail for orders over 500 euros",
                "A regression test reproduces it (on Safari, over 500 euros) and passes after the fix");
        assertThat(criteria("I want customers to be able to pay with klarna in storeit"))
                .containsExactly("Then customers can pay with Klarna in StoreIt");
        assertThat(criteria("i want a task to upgrade postgres to version sixteen for storeit"))
                .containsExactly("Then Postgres is upgraded to version sixteen for StoreIt");
    }

    @Test
    void aSpecificSaidInALaterSentenceIsItsOwnCriterion() {
        assertThat(criteria("add apple pay to bookit checkout it should take less than two seconds")).containsExactly(
                "Then Apple Pay is available in BookIt checkout", "Then it should take less than two seconds");
    }

    @Test
    void aSecondSentenceIsItsOwnCriterionNotPartOfTheSummary() {
        assertThat(criteria("Add a story to TrackIt: start and stop the timer with a hotkey. It should work in every"
                + " browser.")).containsExactly("Given the change is released, then start and stop the timer with a"
                + " hotkey", "Then it should work in every browser");
    }

    @Test
    void nothingSpecificSaidKeepsTheTemplates() {
        assertThat(criteria("Add a story to StoreIt so customers can save items to a wishlist")).containsExactly(
                "Given customers, when they use the new feature, then they can save items to a wishlist");
        assertThat(criteria("the export button in trackit doesn't do anything when you click it")).containsExactly(
                "When you click it, then this no longer happens: the export button in TrackIt doesn't do anything",
                "A regression test reproduces the original problem and passes after the fix");
    }

    @Test
    void specificsAreFoundAsSaid() {
        Specifics s = Specifics.in("Invoices should be sent within ten seconds for Norwegian companies on Safari, max"
                + " 25 percent, version 16 of Stripe", List.of("TrackIt"));
        assertThat(s.settings()).containsExactlyInAnyOrder("on Safari", "for Norwegian companies");
        assertThat(s.amounts()).contains("within ten seconds", "25 percent", "version 16");
        assertThat(s.names()).containsExactly("Stripe");
        assertThat(Specifics.in("the export button does nothing", List.of()).none()).isTrue();
    }
}

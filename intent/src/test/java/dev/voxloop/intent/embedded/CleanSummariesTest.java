package dev.voxloop.intent.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voxloop.core.intent.IntentRequest;
import dev.voxloop.core.intent.TicketDraft;
import dev.voxloop.intent.TestData;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Summaries are sentences a person would write, from requests as people say them and as speech-to-text writes
 * them (lower case, no punctuation, fillers): no filler or request talk left, no project name hanging in front,
 * names spelled as written, no stray punctuation.
 */
class CleanSummariesTest {

    private static final Pattern FILLER = Pattern.compile(
            "(?i)\\b(um+|uh+|so basically|basically|i want|we need|can you|could you|please|you know|like really)\\b");

    private static TicketDraft draft(String said) {
        return EmbeddedExtractor.rulesOnly().extract(IntentRequest.of(said, TestData.PROJECTS)).draft();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Add a story to StoreIt so customers can save items to a wishlist | Let customers save items to a wishlist
            Task for BookIt move the SMS reminders to the new provider | Move the SMS reminders to the new provider
            storeit so customers can save items to a wishlist | Let customers save items to a wishlist
            create a story for bookit, um, so that salon owners can block holidays... | Let salon owners block holidays
            um so basically I want the booking calendar to show next month on safari | The booking calendar should show next month on Safari
            I want customers to be able to pay with klarna in storeit | Customers should be able to pay with Klarna in StoreIt
            we need invoices to be sent within ten seconds after approval for norwegian companies | Invoices should be sent within ten seconds after approval for Norwegian companies
            can you add a dark mode to trackit | Add a dark mode to TrackIt
            could you please add a csv export of attendees to eventit?! | Add a CSV export of attendees to EventIt
            so basically the invoice pdf in trackit is missing the vat line | The invoice PDF in TrackIt is missing the VAT line
            so yeah the search in storeit is like really slow when filtering by price | The search in StoreIt is really slow when filtering by price
            in trackit the timer should stop after eight hours for users on the free plan | The timer should stop after eight hours for users on the free plan
            add apple pay to bookit checkout it should take less than two seconds | Add Apple Pay to BookIt checkout
            i'd like you to add two factor login for admins in storeit | Add two factor login for admins in StoreIt
            We'd like organisers to message everyone on the attendee list when an event starts late | Organisers should message everyone on the attendee list when an event starts late
            I'd love a dark mode for the admin pages of trackit | Add a dark mode for the admin pages of TrackIt
            It would be great if shoppers could filter the catalogue by size and colour together | Let shoppers filter the catalogue by size and colour together
            it'd be nice if staff can block holidays in bookit | Let staff block holidays in BookIt
            It would be nice if the invoice didn't add Swedish VAT twice when there's a discount | The invoice didn't add Swedish VAT twice when there's a discount
            it would be great if shoppers could filter the catalogue by size and color together pretty important | Let shoppers filter the catalogue by size and color together
            add a dark mode to the trackit admin pages low priority | Add a dark mode to the TrackIt admin pages
            the vat line on trackit invoices is important | The VAT line on TrackIt invoices is important
            BookIt - staff should get an sms reminder thirty minutes before each appointment | Staff should get an SMS reminder thirty minutes before each appointment
            hey so um the export button in trackit doesn't do anything when you click it | The export button in TrackIt doesn't do anything when you click it
            i want a task to upgrade postgres to version sixteen for storeit | Upgrade Postgres to version sixteen for StoreIt
            Add a story to TrackIt: start and stop the timer with a hotkey. It should work in every browser. | Start and stop the timer with a hotkey
            """)
    void spokenRequestsGetTheSummaryAPersonWouldWrite(String said, String expected) {
        assertThat(draft(said).summary()).isEqualTo(expected);
    }

    /** Every row of the shared dev set (typed and raw speech-to-text alike): the general rules, not just the examples. */
    @Test
    void noSummaryOfTheDevSetKeepsFillersDanglingNamesOrStrayPunctuation() throws Exception {
        java.nio.file.Path dir = TestData.intentDir();
        org.junit.jupiter.api.Assumptions.assumeTrue(dir != null, "shared/testdata/intent is not beside the repository");
        List<String> lines = java.nio.file.Files.readAllLines(dir.resolve("dev.tsv"));
        for (String line : lines.subList(1, lines.size())) {
            String summary = draft(line.split("\t")[0]).summary();
            assertThat(summary).as(line).doesNotContainPattern(FILLER)
                    .doesNotMatch("(?s).*[\\s,;:.!?\\-]$").doesNotMatch("^[\\s,;:.!?\\-].*")
                    .doesNotContain(" ,", " .", ",,", "..", "?!")
                    .doesNotMatch("(?i)^(StoreIt|BookIt|EventIt|TrackIt)\\b(?!'s)\\s+(so|to|that)\\b.*");
            assertThat(Character.isUpperCase(summary.charAt(0)) || Character.isDigit(summary.charAt(0)))
                    .as("starts with a capital: " + summary).isTrue();
        }
    }
}

package dev.voxloop.intent.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voxloop.core.intent.IssueType;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The cue words of each type, as a person says them and as a speech engine writes them. */
class TypeCuesTest {

    private static IssueType strongest(String text) {
        Map<IssueType, Double> scores = TypeCues.score(text);
        return scores.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            We'd like venue managers to set an early bird price                          | STORY
            We would like venue managers to set an early bird price                      | STORY
            there is no way to book two treatments back to back                          | STORY
            Customers keep asking because there's no way in the shop to pay by invoice   | STORY
            Build a way for users to mark hours as not billable                          | STORY
            Build the way for users to mark hours as not billable                        | STORY
            Can we just tidy up the logging so it's less noisy                           | TASK
            Someone should document how the VAT rules work                               | TASK
            The whole deployment setup needs rebuilding with containers                  | EPIC
            The whole deployment set up needs rebuilding with containers                 | EPIC
            Launch a mobile app where customers find salons nearby and book              | EPIC
            the timer keeps resetting after lunch                                        | BUG
            """)
    void theStrongestCueIsTheType(String text, IssueType type) {
        assertThat(strongest(text)).isEqualTo(type);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Customers keep asking for a dark mode
            People keep requesting gift cards
            """)
    void peopleAskingForSomethingIsNoBug(String text) {
        assertThat(TypeCues.score(text)).doesNotContainKey(IssueType.BUG);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Launch the app page faster
            Build the app with Java 21 on the build agents
            Create an app password for the deploy bot
            """)
    void anAppsOwnPageIsNoProductOfItsOwn(String text) {
        assertThat(TypeCues.score(text)).doesNotContainKey(IssueType.EPIC);
    }
}

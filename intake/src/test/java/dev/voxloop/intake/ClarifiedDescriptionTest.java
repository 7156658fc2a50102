package dev.voxloop.intake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voxloop.core.intent.Extraction;
import dev.voxloop.core.intent.IssueType;
import dev.voxloop.core.intent.Priority;
import dev.voxloop.core.intent.TicketDraft;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the person answered to a clarifying question ends up in the ticket's description. */
class ClarifiedDescriptionTest {

    private static Extraction extraction(String description) {
        return new Extraction(new TicketDraft("Dark mode", description, List.of("toggle works"), IssueType.STORY,
                Priority.MEDIUM, "BOOK", null, List.of()), List.of(), List.of(), Map.of(), List.of(), List.of(), 0.1,
                "embedded");
    }

    @Test
    void eachAnswerFollowsTheRequestWithItsQuestion() {
        Extraction ex = ClarifiedDescription.apply(extraction("Add a dark mode"),
                List.of("Which project is it for?", "How will we know it is done?"),
                List.of("BookIt", "The settings page has a toggle and the choice is remembered"));

        assertThat(ex.draft().description()).isEqualTo("""
                Add a dark mode

                Clarifications:
                - Which project is it for? BookIt
                - How will we know it is done? The settings page has a toggle and the choice is remembered""");
        assertThat(ex.draft().summary()).isEqualTo("Dark mode");
    }

    @Test
    void withoutAnswersOrWhenTheyAreAlreadyThereNothingChanges() {
        Extraction plain = extraction("Add a dark mode");
        Extraction already = extraction("Add a dark mode to BookIt");

        assertThat(ClarifiedDescription.apply(plain, List.of(), List.of())).isSameAs(plain);
        assertThat(ClarifiedDescription.apply(already, List.of("Which project?"), List.of("BookIt")))
                .isSameAs(already);
    }
}

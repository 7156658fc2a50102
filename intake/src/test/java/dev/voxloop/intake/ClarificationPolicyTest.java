package dev.voxloop.intake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voxloop.core.intent.Extraction;
import dev.voxloop.core.intent.IssueType;
import dev.voxloop.core.intent.Priority;
import dev.voxloop.core.intent.TicketDraft;
import dev.voxloop.core.ticket.Project;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClarificationPolicyTest {

    private static final List<Project> PROJECTS = List.of(
            new Project("BOOK", "BookIt", "", List.of()), new Project("EVT", "EventIt", "", List.of()),
            new Project("SHOP", "StoreIt", "", List.of()), new Project("TRACK", "TrackIt", "", List.of()),
            new Project("OPS", "Platform", "", List.of()));

    private final ClarificationPolicy policy = new ClarificationPolicy(3);

    private static Extraction extraction(String project, List<String> ambiguities) {
        TicketDraft d = new TicketDraft("Checkout crashes on Safari", "", List.of("Given Safari, then no crash"),
                IssueType.BUG, Priority.HIGH, project, null, List.of());
        return new Extraction(d, List.of(), ambiguities, Map.of(), List.of(), List.of(), 0.2, "test");
    }

    @Test
    void aCompleteDraftIsReady() {
        ClarificationPolicy.Verdict v = policy.assess(extraction("SHOP", List.of()), PROJECTS, 0);
        assertThat(v.ready()).isTrue();
        assertThat(v.shouldAsk()).isFalse();
    }

    @Test
    void twoHintedProjectsBecomeAClosedChoice() {
        ClarificationPolicy.Verdict v = policy.assess(extraction(null, List.of("Project: BookIt or StoreIt?")),
                PROJECTS, 0);
        assertThat(v.question().question()).isEqualTo("Is this for BookIt or StoreIt?");
        assertThat(v.question().choices()).containsExactly("BookIt", "StoreIt");
    }

    @Test
    void withoutHintsEveryProjectIsOfferedNoneDropped() {
        ClarificationPolicy.Verdict v = policy.assess(extraction(null, List.of()), PROJECTS, 0);
        assertThat(v.question().question())
                .isEqualTo("Which project is this for: BookIt, EventIt, StoreIt, TrackIt or Platform?");
        assertThat(v.question().choices()).hasSize(5);
    }

    @Test
    void aProjectThatDoesNotExistIsAGapAndRoundsAreCapped() {
        assertThat(policy.gaps(extraction("NOPE", List.of()), PROJECTS)).containsExactly(ClarificationPolicy.PROJECT);
        ClarificationPolicy.Verdict last = policy.assess(extraction(null, List.of()), PROJECTS, 3);
        assertThat(last.shouldAsk()).isFalse();
        assertThat(last.verdictGaps()).containsExactly(ClarificationPolicy.PROJECT);
    }
}

package dev.voxloop.tracker.jira;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.voxloop.core.intent.IssueType;
import dev.voxloop.core.intent.Priority;
import dev.voxloop.core.intent.TicketDraft;
import dev.voxloop.core.problem.Problem;
import dev.voxloop.core.testing.ManualClock;
import dev.voxloop.core.ticket.Provenance;
import dev.voxloop.core.ticket.Ticket;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A Jira project whose create screen lacks the description or the labels: the issue is created with what the
 * screen accepts, the rest is added by an edit (or a comment when the edit screen lacks it too), the issue and the
 * result say so, and a retry adds nothing twice. Against the peer, every request checked against Jira's published
 * v3 contract.
 */
class CreateScreenFallbackTest {

    private JiraPeer jira;
    private JiraTracker tracker;

    @BeforeEach
    void start() {
        jira = JiraPeer.start();
        JiraSettings s = jira.settings();
        tracker = new JiraTracker(s, JiraTransport.client(s), new ManualClock(Instant.parse("2026-12-06T04:00:00Z")),
                new RecordingPause());
    }

    @AfterEach
    void stop() {
        jira.close(); // fails the test if any request broke the contract
    }

    private static TicketDraft draft() {
        return new TicketDraft("The calendar crashes on Safari", "Create a bug in BookIt: the calendar crashes on Safari",
                List.of("Given it is used on Safari, then the calendar opens"), IssueType.BUG, Priority.HIGH, "BOOK",
                null, List.of("calendar"));
    }

    private static Provenance provenance() {
        return new Provenance("abc123def456", true, "the calendar crashes on safari", Instant.parse("2026-12-06T03:59:00Z"));
    }

    private List<String> voxloopComments(String key) {
        return jira.issue(key).orElseThrow().comments().stream()
                .map(c -> AdfText.plain(c.path("body")).strip()).filter(b -> b.startsWith(OffScreenFields.MARK)).toList();
    }

    @Test
    void whatTheCreateScreenLacksIsAddedByAnEditAndTheIssueAndResultSaySo() {
        jira.offCreateScreen("BOOK", false, "description", "labels");

        Ticket t = tracker.create(draft(), provenance());

        JiraPeer.PeerIssue issue = jira.issue(t.key()).orElseThrow();
        assertThat(jira.requests("POST", "/rest/api/3/issue")).singleElement()
                .satisfies(r -> assertThat(r.body()).doesNotContain("\"description\"", "\"labels\""));
        assertThat(issue.labels()).containsExactlyInAnyOrder("calendar", "VOICE_INITIATED", "voxloop-intake-abc123def456");
        assertThat(AdfText.plain(issue.description())).contains("the calendar crashes on Safari",
                "Given it is used on Safari, then the calendar opens");
        assertThat(t.description()).contains("the calendar crashes on Safari");
        assertThat(t.acceptanceCriteria()).containsExactly("Given it is used on Safari, then the calendar opens");
        assertThat(t.notes()).hasSize(2).anySatisfy(n -> assertThat(n).startsWith("The description and acceptance"
                + " criteria were added by an edit")).anySatisfy(n -> assertThat(n).startsWith("The labels calendar,"
                + " VOICE_INITIATED, voxloop-intake-abc123def456 were added by an edit"));
        assertThat(voxloopComments(t.key())).hasSize(2);
    }

    @Test
    void whenTheEditScreenLacksItTooTheDescriptionBecomesACommentAndARetryAddsNothingTwice() {
        jira.offCreateScreen("BOOK", false, "description", "labels");
        jira.offEditScreen("BOOK", "description", "labels");

        Ticket t = tracker.create(draft(), provenance());

        assertThat(jira.requests("PUT", "/rest/api/3/issue/" + t.key())).isEmpty();
        List<String> comments = voxloopComments(t.key());
        assertThat(comments).hasSize(2);
        assertThat(comments).anySatisfy(c -> assertThat(c).startsWith(OffScreenFields.MARK + " The approved"
                + " description and acceptance criteria are below").contains("the calendar crashes on Safari",
                "Given it is used on Safari, then the calendar opens"));
        assertThat(comments).anySatisfy(c -> assertThat(c).startsWith(OffScreenFields.MARK + " Approved labels:"
                + " calendar, VOICE_INITIATED, voxloop-intake-abc123def456"));
        assertThat(t.notes()).hasSize(2);

        Ticket again = tracker.create(draft(), provenance());
        assertThat(again.key()).as("found by the intake property: no label to search by").isEqualTo(t.key());
        assertThat(jira.issues()).hasSize(1);
        assertThat(voxloopComments(t.key())).hasSize(2);
        assertThat(again.notes()).isEqualTo(t.notes());
    }

    @Test
    void aCreateRefusedNamingTheFieldIsFiledWithoutItThenCompleted() {
        jira.offCreateScreen("BOOK", true, "description");

        Ticket t = tracker.create(draft(), provenance());

        assertThat(jira.requests("POST", "/rest/api/3/issue")).hasSize(2);
        assertThat(AdfText.plain(jira.issue(t.key()).orElseThrow().description())).contains("calendar crashes");
        assertThat(t.notes()).singleElement().asString().startsWith("The description and acceptance criteria were"
                + " added by an edit");
    }

    @Test
    void anEditThatFailsLeavesTheIssueAndTheRetryCompletesItOnce() {
        jira.offCreateScreen("BOOK", false, "description", "labels");
        jira.failNext("PUT", "/rest/api/3/issue/", 400, null, 1);

        assertThatThrownBy(() -> tracker.create(draft(), provenance())).isInstanceOf(Problem.class);
        assertThat(jira.issues()).hasSize(1);

        Ticket t = tracker.create(draft(), provenance());
        assertThat(jira.issues()).hasSize(1);
        assertThat(jira.issue(t.key()).orElseThrow().labels()).contains("voxloop-intake-abc123def456");
        assertThat(voxloopComments(t.key())).hasSize(2);
        assertThat(t.notes()).hasSize(2);
    }

    @Test
    void aScreenWithEverythingNeedsNoEditAndNoNote() {
        Ticket t = tracker.create(draft(), provenance());
        assertThat(jira.requests("PUT", "/rest/api/3/issue/" + t.key())).isEmpty();
        assertThat(t.notes()).isEmpty();
        assertThat(voxloopComments(t.key())).isEmpty();
    }
}

package dev.voxloop.tracker.jira;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.voxloop.core.intent.IssueType;
import dev.voxloop.core.intent.Priority;
import dev.voxloop.core.intent.TicketDraft;
import dev.voxloop.core.problem.Problem;
import dev.voxloop.core.ticket.Project;
import dev.voxloop.core.ticket.Provenance;
import dev.voxloop.core.ticket.Ticket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The issue's done-when, at the tracker boundary: "Create a high priority bug in BookIt: the calendar crashes on
 * Safari" files exactly one issue whose request validates against the Jira contract, also when the create's
 * answer comes too late and the call is retried.
 */
class SpokenRequestToJiraTest {

    static final String SAID = "Create a high priority bug in BookIt: the calendar crashes on Safari";

    private JiraPeer jira;
    private RecordingPause pause;

    @BeforeEach
    void start() {
        jira = JiraPeer.start();
        pause = new RecordingPause();
    }

    @AfterEach
    void stop() {
        jira.close(); // every request validated against the contract
    }

    private JiraTracker tracker(Duration requestTimeout, int attempts) {
        JiraSettings s = jira.settings().withRequestTimeout(requestTimeout)
                .withRetry(new RetryPolicy(attempts, Duration.ofMillis(10), Duration.ofMillis(100), Duration.ofSeconds(10)));
        return new JiraTracker(s, JiraTransport.client(s), java.time.Clock.systemUTC(), pause);
    }

    /** The draft intent extraction makes of the sentence, with the project picked from the tracker's list. */
    private static TicketDraft draftFrom(List<Project> projects) {
        String key = projects.stream().filter(p -> p.name().equalsIgnoreCase("BookIt")).findFirst().orElseThrow().key();
        return new TicketDraft("Calendar crashes on Safari", "The calendar crashes when opened in Safari.",
                List.of("The calendar opens in Safari without crashing", "Events are shown for the current week"),
                IssueType.BUG, Priority.HIGH, key, null, List.of("voice intake", "safari"));
    }

    private static Provenance spoken(String intakeId) {
        return new Provenance(intakeId, true, SAID, Instant.parse("2026-11-25T13:30:00Z"));
    }

    @Test
    void theSentenceFilesOneValidBug() {
        JiraTracker tracker = tracker(Duration.ofSeconds(5), 4);
        Ticket t = tracker.create(draftFrom(tracker.projects()), spoken("0a1b2c3d4e5f"));

        assertThat(jira.issues()).hasSize(1);
        JiraPeer.PeerIssue issue = jira.issues().get(0);
        assertThat(issue.key()).isEqualTo("BOOK-1");
        assertThat(issue.projectKey()).isEqualTo("BOOK");
        assertThat(issue.issueType()).isEqualTo("Bug");
        assertThat(issue.priority()).isEqualTo("High");
        assertThat(issue.summary()).isEqualTo("Calendar crashes on Safari");
        assertThat(issue.labels()).containsExactly("voice-intake", "safari", "VOICE_INITIATED", "voxloop-intake-0a1b2c3d4e5f");

        JsonNode adf = issue.description();
        assertThat(adf.path("type").asText()).isEqualTo("doc");
        assertThat(adf.path("version").asInt()).isEqualTo(1);
        List<String> blocks = adf.path("content").findValuesAsText("type");
        assertThat(adf.path("content")).extracting(n -> n.path("type").asText())
                .containsExactly("paragraph", "heading", "bulletList", "rule", "heading", "blockquote", "paragraph");
        assertThat(blocks).contains("listItem");
        assertThat(AdfText.plain(adf.path("content").get(1))).isEqualTo("Acceptance criteria");
        assertThat(AdfText.plain(adf.path("content").get(5))).isEqualTo(SAID);
        assertThat(AdfText.plain(adf.path("content").get(6)))
                .isEqualTo("Said at 2026-11-25 13:30:00 UTC · Intake 0a1b2c3d4e5f · VOICE_INITIATED");

        assertThat(t.key()).isEqualTo("BOOK-1");
        assertThat(t.url()).isEqualTo(jira.baseUrl() + "/browse/BOOK-1");
        assertThat(t.issueType()).isEqualTo(IssueType.BUG);
        assertThat(t.priority()).isEqualTo(Priority.HIGH);
        assertThat(t.status()).isEqualTo("To Do");
        assertThat(t.intakeId()).isEqualTo("0a1b2c3d4e5f");
        assertThat(t.description()).isEqualTo("The calendar crashes when opened in Safari.");
        assertThat(t.acceptanceCriteria()).containsExactly("The calendar opens in Safari without crashing",
                "Events are shown for the current week");
        assertThat(jira.requests("POST", "/rest/api/3/issue")).hasSize(1);
        assertThat(jira.violations()).isEmpty();
    }

    @Test
    void aCreateAnsweredTooLateIsFoundBySearchInsteadOfFiledTwice() {
        JiraTracker tracker = tracker(Duration.ofMillis(1500), 4);
        jira.delayNextCreate(Duration.ofSeconds(20));
        Ticket t = tracker.create(draftFrom(tracker.projects()), spoken("0a1b2c3d4e5f"));
        assertThat(t.key()).isEqualTo("BOOK-1");
        assertThat(jira.issues()).hasSize(1);
        assertThat(jira.requests("POST", "/rest/api/3/issue")).hasSize(1);
        // a later retry by the caller (same intake) also returns it
        assertThat(tracker.create(draftFrom(tracker.projects()), spoken("0a1b2c3d4e5f")).key()).isEqualTo("BOOK-1");
        assertThat(jira.issues()).hasSize(1);
    }

    @Test
    void whenEvenTheCheckFailsTheCallersRetryStillLeavesExactlyOne() {
        JiraTracker tracker = tracker(Duration.ofMillis(1500), 2);
        List<Project> projects = tracker.projects();
        jira.delayNextCreate(Duration.ofSeconds(20));
        // the search before the create goes through; the two searches checking the timed-out create get 503
        jira.failAfter("GET", "/rest/api/3/search/jql", 1, 503, null, 2);
        assertThatThrownBy(() -> tracker.create(draftFrom(projects), spoken("0a1b2c3d4e5f")))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.kind()).isEqualTo(Problem.Kind.UNAVAILABLE));
        assertThat(jira.issues()).hasSize(1); // Jira did file it

        Ticket retried = tracker.create(draftFrom(projects), spoken("0a1b2c3d4e5f"));
        assertThat(retried.key()).isEqualTo("BOOK-1");
        assertThat(jira.issues()).hasSize(1);
        assertThat(jira.requests("POST", "/rest/api/3/issue")).hasSize(1);
    }

    @Test
    void searchIndexLagIsWaitedOutBeforeTheCheck() {
        JiraSettings s = jira.settings().withRequestTimeout(Duration.ofMillis(1500));
        JiraTracker tracker = new JiraTracker(s, JiraTransport.client(s), java.time.Clock.systemUTC(), Pause.sleeping());
        List<Project> projects = tracker.projects();
        jira.searchLag(Duration.ofMillis(3000));
        jira.delayNextCreate(Duration.ofSeconds(20));
        long t0 = System.nanoTime();
        Ticket t = tracker.create(draftFrom(projects), spoken("0a1b2c3d4e5f"));
        assertThat(t.key()).isEqualTo("BOOK-1");
        assertThat(jira.issues()).hasSize(1);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(3000));
    }

    /** Why the settle exists: without it, a lagging index hides the first issue and the retry files a second. */
    @Test
    void withoutTheSettleALaggingIndexWouldLetTheRetryDuplicate() {
        JiraSettings s = jira.settings().withRequestTimeout(Duration.ofMillis(1500)).withSearchSettle(Duration.ZERO);
        JiraTracker tracker = new JiraTracker(s, JiraTransport.client(s), java.time.Clock.systemUTC(), pause);
        List<Project> projects = tracker.projects();
        jira.searchLag(Duration.ofSeconds(30));
        jira.delayNextCreate(Duration.ofSeconds(20));
        tracker.create(draftFrom(projects), spoken("0a1b2c3d4e5f"));
        assertThat(jira.issues()).hasSize(2);
    }
}

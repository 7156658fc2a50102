package dev.voxloop.tracker.jira;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.voxloop.core.intent.IssueType;
import dev.voxloop.core.intent.Priority;
import dev.voxloop.core.intent.TicketDraft;
import dev.voxloop.core.problem.Problem;
import dev.voxloop.core.testing.ManualClock;
import dev.voxloop.core.ticket.Project;
import dev.voxloop.core.ticket.Provenance;
import dev.voxloop.core.ticket.Ticket;
import dev.voxloop.core.ticket.TicketStatus;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JiraTrackerTest {

    private JiraPeer jira;
    private RecordingPause pause;
    private ManualClock clock;
    private JiraTracker tracker;
    private int intake;

    @BeforeEach
    void start() {
        jira = JiraPeer.start();
        pause = new RecordingPause();
        clock = new ManualClock(java.time.Instant.parse("2026-11-25T13:00:00Z"));
        tracker = tracker(jira.settings());
    }

    @AfterEach
    void stop() {
        jira.close(); // fails the test if any request broke the contract
    }

    private JiraTracker tracker(JiraSettings s) {
        return new JiraTracker(s, JiraTransport.client(s), clock, pause);
    }

    private Provenance provenance() {
        return new Provenance(String.format("%012x", ++intake), true, "please file it", Instant.parse("2026-11-25T13:30:00Z"));
    }

    private static TicketDraft draft(String summary) {
        return new TicketDraft(summary, "Some description.", List.of("It works"), IssueType.TASK, Priority.MEDIUM,
                "BOOK", null, List.of());
    }

    @Test
    void projectsComeFromProjectSearchAcrossPagesWithDescriptionsAndAreCached() {
        for (int i = 0; i < 60; i++) {
            jira.addProject("P" + i, "Project " + i, "about " + i);
        }
        List<Project> projects = tracker.projects();
        assertThat(projects).hasSize(62);
        assertThat(projects).filteredOn(p -> p.key().equals("BOOK")).singleElement()
                .satisfies(p -> {
                    assertThat(p.name()).isEqualTo("BookIt");
                    assertThat(p.description()).contains("calendar");
                });
        assertThat(jira.requests("GET", "/rest/api/3/project/search")).hasSize(2);
        tracker.projects();
        assertThat(jira.requests("GET", "/rest/api/3/project/search")).hasSize(2);
        clock.advance(Duration.ofMinutes(11));
        tracker.projects();
        assertThat(jira.requests("GET", "/rest/api/3/project/search")).hasSize(4);
    }

    @Test
    void createMetadataIsFetchedPerProjectAndTypeAndCachedForTheTtl() {
        tracker.create(draft("First"), provenance());
        tracker.create(draft("Second"), provenance());
        assertThat(jira.requests("GET", "/rest/api/3/issue/createmeta/BOOK/issuetypes")).hasSize(1);
        assertThat(jira.requests("GET", "/rest/api/3/issue/createmeta/BOOK/issuetypes/10003")).hasSize(1);
        clock.advance(Duration.ofMinutes(11));
        tracker.create(draft("Third"), provenance());
        assertThat(jira.requests("GET", "/rest/api/3/issue/createmeta/BOOK/issuetypes")).hasSize(2);
        assertThat(jira.requests("GET", "/rest/api/3/issue/createmeta")).isEmpty();
    }

    @Test
    void aRepeatedCreateWithTheSameIntakeReturnsTheFirstTicket() {
        Provenance p = provenance();
        Ticket first = tracker.create(draft("Once only"), p);
        Ticket again = tracker.create(draft("Once only"), p);
        assertThat(again.key()).isEqualTo(first.key());
        assertThat(jira.issues()).hasSize(1);
        assertThat(jira.requests("POST", "/rest/api/3/issue")).hasSize(1);
    }

    @Test
    void anAmbiguous502BeforeTheCreateIsSearchedForAndThenRepeated() {
        jira.failNext("POST", "/rest/api/3/issue", 502, null, 1);
        Ticket t = tracker.create(draft("Through a 502"), provenance());
        assertThat(jira.issues()).hasSize(1);
        assertThat(t.key()).isEqualTo("BOOK-1");
        // search before create, search after the 502, then the repeated create
        assertThat(jira.requests("POST", "/rest/api/3/issue")).hasSize(2);
        assertThat(jira.requests("GET", "/rest/api/3/search/jql")).hasSize(2);
    }

    @Test
    void rateLimitHonoursRetryAfter() {
        jira.failNext("GET", "/rest/api/3/search/jql", 429, 2, 1);
        tracker.create(draft("After a 429"), provenance());
        assertThat(pause.waits()).hasSize(1);
        assertThat(pause.waits().get(0)).isBetween(Duration.ofSeconds(2), Duration.ofMillis(2200));
        assertThat(jira.issues()).hasSize(1);
    }

    @Test
    void unavailableWithoutRetryAfterBacksOffExponentially() {
        jira.failNext("GET", "/rest/api/3/project/search", 503, null, 3);
        assertThat(tracker.projects()).isNotEmpty();
        List<Duration> w = pause.waits();
        assertThat(w).hasSize(3);
        // base 10ms, doubling, equal jitter: [5,10], [10,20], [20,40]
        assertThat(w.get(0)).isBetween(Duration.ofMillis(5), Duration.ofMillis(10));
        assertThat(w.get(1)).isBetween(Duration.ofMillis(10), Duration.ofMillis(20));
        assertThat(w.get(2)).isBetween(Duration.ofMillis(20), Duration.ofMillis(40));
    }

    @Test
    void retriesAreBoundedByAttempts() {
        jira.failNext("GET", "/rest/api/3/myself", 429, 1, 10);
        JiraCheck check = tracker.check();
        assertThat(check.ok()).isFalse();
        assertThat(check.detail()).contains("rate limiting").contains("4 attempt(s)");
        assertThat(jira.requests("GET", "/rest/api/3/myself")).hasSize(4);
        assertThat(pause.waits()).hasSize(3);
    }

    @Test
    void retriesAreBoundedByTotalWait() {
        jira.failNext("GET", "/rest/api/3/project/search", 429, 30, 1);
        assertThatThrownBy(() -> tracker.projects()).isInstanceOfSatisfying(Problem.class, p -> {
            assertThat(p.kind()).isEqualTo(Problem.Kind.TOO_MANY_REQUESTS);
            assertThat(p.getMessage()).contains("rate limiting");
        });
        assertThat(pause.waits()).isEmpty(); // a 30 s Retry-After does not fit a 10 s budget: give up at once
    }

    @Test
    void aPriorityTheProjectDoesNotHaveIsRefusedInPlainWordsBeforeCallingCreate() {
        jira.priorities("BOOK", "High", "Medium", "Low");
        assertThatThrownBy(() -> tracker.create(draft("Urgent").withPriority(Priority.HIGHEST), provenance()))
                .isInstanceOfSatisfying(Problem.class, p -> {
                    assertThat(p.kind()).isEqualTo(Problem.Kind.INVALID);
                    assertThat(p.field()).isEqualTo("priority");
                    assertThat(p.getMessage()).isEqualTo(
                            "priority: the priority 'Highest' is not available in project BOOK (available: High, Medium, Low)");
                });
        assertThat(jira.requests("POST", "/rest/api/3/issue")).isEmpty();
    }

    @Test
    void jiraFieldErrorsSurfaceAsInvalidWithTheFieldAndStaleMetadataIsDropped() {
        tracker.create(draft("Warm the cache").withPriority(Priority.HIGH), provenance());
        jira.priorities("BOOK", "Medium", "Low");
        assertThatThrownBy(() -> tracker.create(draft("Stale").withPriority(Priority.HIGH), provenance()))
                .isInstanceOfSatisfying(Problem.class, p -> {
                    assertThat(p.kind()).isEqualTo(Problem.Kind.INVALID);
                    assertThat(p.field()).isEqualTo("priority");
                    assertThat(p.getMessage()).isEqualTo(
                            "Jira refused to create the issue in BOOK: priority: Specify a valid 'id' or 'name' for Priority");
                });
        assertThatThrownBy(() -> tracker.create(draft("Fresh").withPriority(Priority.HIGH), provenance()))
                .hasMessageContaining("available: Medium, Low");
        assertThat(jira.issues()).hasSize(1);
    }

    @Test
    void aPriorityFieldOffTheCreateScreenIsLeftOut() {
        jira.priorityOffScreen("BOOK");
        tracker.create(draft("No priority field").withPriority(Priority.HIGH), provenance());
        assertThat(jira.issues().get(0).fields().has("priority")).isFalse();
    }

    @Test
    void wrongCredentialsAreUnauthorizedWithoutTheToken() {
        JiraSettings bad = new JiraSettings(jira.baseUrl(), jira.email(), "wrong-secret-token", null, "BOOK",
                null, null, jira.settings().retry(), null);
        JiraTracker t = tracker(bad);
        assertThatThrownBy(t::projects).isInstanceOfSatisfying(Problem.class, p -> {
            assertThat(p.kind()).isEqualTo(Problem.Kind.UNAUTHORIZED);
            assertThat(p.getMessage()).contains(jira.email()).doesNotContain("wrong-secret-token");
        });
        JiraCheck check = t.check();
        assertThat(check.ok()).isFalse();
        assertThat(check.detail()).doesNotContain("wrong-secret-token");
    }

    @Test
    void oauthBearerTokenWorks() {
        JiraSettings s = new JiraSettings(jira.baseUrl(), null, null, jira.oauthToken(), "BOOK", null, null,
                jira.settings().retry(), null);
        JiraCheck check = tracker(s).check();
        assertThat(check.ok()).isTrue();
        assertThat(check.detail()).contains("Voxloop Bot");
        assertThat(jira.requests()).extracting(JiraPeer.Received::authScheme).containsOnly("Bearer");
    }

    @Test
    void checkUsesMyself() {
        JiraCheck check = tracker.check();
        assertThat(check.ok()).isTrue();
        assertThat(check.detail()).isEqualTo("connected to " + jira.baseUrl() + " as Voxloop Bot");
    }

    @Test
    void unknownIssueIsNotFound() {
        assertThat(tracker.find("BOOK-99")).isEmpty();
        assertThatThrownBy(() -> tracker.comment("BOOK-99", "hello")).isInstanceOfSatisfying(Problem.class,
                p -> assertThat(p.kind()).isEqualTo(Problem.Kind.NOT_FOUND));
    }

    @Test
    void unknownProjectIsInvalid() {
        assertThatThrownBy(() -> tracker.create(draft("Where").withProjectKey("NOPE"), provenance()))
                .isInstanceOfSatisfying(Problem.class, p -> {
                    assertThat(p.kind()).isEqualTo(Problem.Kind.INVALID);
                    assertThat(p.getMessage()).contains("NOPE");
                });
    }

    @Test
    void subTaskNeedsAParentAndCarriesIt() {
        Ticket story = tracker.create(draft("Story").withIssueType(IssueType.STORY), provenance());
        assertThatThrownBy(() -> tracker.create(draft("Child").withIssueType(IssueType.SUB_TASK), provenance()))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.field()).isEqualTo("parentKey"));
        Ticket child = tracker.create(draft("Child").withIssueType(IssueType.SUB_TASK).withParentKey(story.key()),
                provenance());
        assertThat(child.parentKey()).isEqualTo(story.key());
        assertThat(child.issueType()).isEqualTo(IssueType.SUB_TASK);
        assertThat(jira.issue(child.key()).orElseThrow().parentKey()).isEqualTo(story.key());
    }

    @Test
    void anIssueTypeTheProjectLacksIsRefusedWithTheAvailableOnes() {
        jira.removeIssueType("BOOK", "Story");
        assertThatThrownBy(() -> tracker.create(draft("S").withIssueType(IssueType.STORY), provenance()))
                .hasMessage("issue type: 'Story' is not available in project BOOK (available: Bug, Task, Epic, Sub-task)");
    }

    @Test
    void aRequiredFieldVoxloopCannotFillIsNamed() {
        jira.requireField("BOOK", "customfield_10020", "Team");
        assertThatThrownBy(() -> tracker.create(draft("Needs team"), provenance()))
                .isInstanceOfSatisfying(Problem.class, p -> {
                    assertThat(p.field()).isEqualTo("customfield_10020");
                    assertThat(p.getMessage()).contains("requires Team (customfield_10020) for Task")
                            .contains("tracker.jira.fields.customfield_10020");
                });
        JiraTracker configured = tracker(jira.settings().withFields(java.util.Map.of(
                "customfield_10020", java.util.Map.of("id", "42"), "customfield_99999", "not on the screen")));
        Ticket t = configured.create(draft("Team given"), provenance());
        JiraPeer.PeerIssue issue = jira.issue(t.key()).orElseThrow();
        assertThat(issue.fields().path("customfield_10020").path("id").asText()).isEqualTo("42");
        assertThat(issue.fields().has("customfield_99999")).isFalse();
    }

    @Test
    void labelsWithSpacesAreHyphenated() {
        tracker.create(draft("Labels").withLabels(List.of("calendar bug", "safari")), provenance());
        assertThat(jira.issues().get(0).labels()).contains("calendar-bug", "safari");
    }

    @Test
    void statusesMoveByTheDefaultWorkflowNames() {
        Ticket t = tracker.create(draft("Move me"), provenance());
        tracker.transition(t.key(), TicketStatus.IN_PROGRESS);
        assertThat(tracker.find(t.key()).orElseThrow().status()).isEqualTo("In Progress");
        tracker.transition(t.key(), TicketStatus.DONE);
        assertThat(jira.issue(t.key()).orElseThrow().status()).isEqualTo("Done");
        tracker.transition(t.key(), TicketStatus.TO_DO);
        assertThat(jira.issue(t.key()).orElseThrow().status()).isEqualTo("To Do");
    }

    @Test
    void aProjectWorkflowIsMappedByConfigurationAsTransitionOrStatusNames() {
        JiraStatuses own = new JiraStatuses("to do", "start progress", "Code Review", "DONE");
        JiraTracker mapped = tracker(jira.settings().withStatuses(own));
        Ticket t = mapped.create(draft("Move me"), provenance());
        mapped.transition(t.key(), TicketStatus.IN_PROGRESS);
        assertThat(jira.issue(t.key()).orElseThrow().status()).isEqualTo("In Progress");
        mapped.transition(t.key(), TicketStatus.DONE);
        assertThat(jira.issue(t.key()).orElseThrow().status()).isEqualTo("Done");
        assertThatThrownBy(() -> mapped.transition(t.key(), TicketStatus.IN_REVIEW))
                .isInstanceOfSatisfying(Problem.class, p -> {
                    assertThat(p.kind()).isEqualTo(Problem.Kind.INVALID);
                    assertThat(p.getMessage()).contains("'Code Review'").contains("To Do (to To Do)");
                });
    }

    @Test
    void commentsAreAdfAndReadBack() {
        Ticket t = tracker.create(draft("Talk"), provenance());
        tracker.comment(t.key(), "First line\nsecond line\n\nNew paragraph with \"quotes\"");
        assertThat(jira.issue(t.key()).orElseThrow().comments().get(0).path("body").path("type").asText()).isEqualTo("doc");
        Ticket read = tracker.find(t.key()).orElseThrow();
        assertThat(read.comments()).singleElement().satisfies(c -> {
            assertThat(c.body()).isEqualTo("First line\nsecond line\nNew paragraph with \"quotes\"");
            assertThat(c.author()).isEqualTo("Voxloop Bot");
        });
    }

    @Test
    void listUsesSearchJqlNewestFirstAcrossPages() {
        for (int i = 1; i <= 5; i++) {
            tracker.create(draft("Issue " + i), provenance());
        }
        jira.addProject("OTHER", "Other", "");
        tracker.create(draft("Elsewhere").withProjectKey("OTHER"), provenance());
        List<Ticket> book = tracker.list("BOOK", 3);
        assertThat(book).extracting(Ticket::summary).containsExactly("Issue 5", "Issue 4", "Issue 3");
        assertThat(tracker.list(null, 150)).hasSize(6);
        assertThat(tracker.list("BOOK", 150)).hasSize(5);
        assertThat(jira.requests()).noneMatch(r -> r.path().equals("/rest/api/3/search"));
    }

    @Test
    void browseUrlIsTheSiteBrowsePage() {
        assertThat(tracker.browseUrl("BOOK-7")).isEqualTo(jira.baseUrl() + "/browse/BOOK-7");
    }

    @Test
    void aMissingVariableIsNamed() {
        assertThatThrownBy(() -> new JiraTracker(new JiraSettings(jira.baseUrl(), null, null, null, null, null, null,
                null, null), HttpClient.newHttpClient(), clock, pause))
                .hasMessage("Jira tracker needs JIRA_EMAIL, JIRA_API_TOKEN");
    }

    @Test
    void a503WithRetryAfterOnCreateIsRepeatedWithoutASearch() {
        jira.failNext("POST", "/rest/api/3/issue", 503, 1, 1);
        tracker.create(draft("After a 503"), provenance());
        assertThat(pause.waits()).singleElement().satisfies(d -> assertThat(d).isBetween(Duration.ofSeconds(1),
                Duration.ofMillis(1100)));
        assertThat(jira.requests("GET", "/rest/api/3/search/jql")).hasSize(1); // only the one before the create
        assertThat(jira.issues()).hasSize(1);
    }

    @Test
    void aCommentWhoseOutcomeIsUnknownIsNotRepeated() {
        Ticket t = tracker.create(draft("Talk"), provenance());
        jira.failNext("POST", "/rest/api/3/issue/" + t.key() + "/comment", 504, null, 1);
        assertThatThrownBy(() -> tracker.comment(t.key(), "hello")).isInstanceOfSatisfying(Problem.class, p -> {
            assertThat(p.kind()).isEqualTo(Problem.Kind.UPSTREAM);
            assertThat(p.getMessage()).contains("may or may not have been applied");
        });
        assertThat(jira.requests("POST", "/rest/api/3/issue/" + t.key() + "/comment")).hasSize(1);
    }

    @Test
    void aTransitionWhoseOutcomeIsUnknownIsCheckedThenRepeated() {
        Ticket t = tracker.create(draft("Move"), provenance());
        jira.failNext("POST", "/rest/api/3/issue/" + t.key() + "/transitions", 504, null, 1);
        tracker.transition(t.key(), TicketStatus.IN_PROGRESS);
        assertThat(jira.issue(t.key()).orElseThrow().status()).isEqualTo("In Progress");
        assertThat(jira.requests("POST", "/rest/api/3/issue/" + t.key() + "/transitions")).hasSize(2);
    }
}

package dev.voxloop.tracker.jira;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.voxloop.core.intent.IssueType;
import dev.voxloop.core.intent.Priority;
import dev.voxloop.core.intent.TicketDraft;
import dev.voxloop.core.testing.CapturedLog;
import dev.voxloop.core.ticket.Provenance;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** slf4j goes to java.util.logging in tests (slf4j-jdk14); everything the client logs is captured here. */
class SecretsNotLoggedTest {

    @RegisterExtension
    final CapturedLog log = new CapturedLog("dev.voxloop");
    private JiraPeer jira;

    @BeforeEach
    void setUp() {
        jira = JiraPeer.start();
    }

    @AfterEach
    void tearDown() {
        jira.close();
    }

    @Test
    void noTokenInLogsOrMessagesAcrossRetriesTimeoutsAndFailures() {
        JiraSettings s = jira.settings().withRequestTimeout(Duration.ofMillis(1500));
        JiraTracker tracker = new JiraTracker(s, JiraTransport.client(s), Clock.systemUTC(), new RecordingPause());
        jira.failNext("GET", "/rest/api/3/search/jql", 429, 1, 1);
        jira.failNext("POST", "/rest/api/3/issue", 503, null, 1);
        jira.delayNextCreate(Duration.ofSeconds(20));
        tracker.create(new TicketDraft("Calendar crashes", "On Safari.", List.of("No crash"), IssueType.BUG,
                Priority.HIGH, "BOOK", null, List.of()), new Provenance("abcdef012345", true, "said", Instant.now()));
        tracker.comment("BOOK-1", "logged?");
        jira.rejectCredentials(true);
        List<String> lines = new ArrayList<>();
        assertThatThrownBy(tracker::projects).satisfies(e -> lines.add(e.getMessage()));
        lines.add(tracker.check().detail());
        lines.add(s.toString());
        lines.add(s.auth().toString());
        lines.addAll(log.lines());

        String basic = Base64.getEncoder().encodeToString((jira.email() + ":" + jira.apiToken())
                .getBytes(StandardCharsets.UTF_8));
        assertThat(lines).isNotEmpty().anyMatch(l -> l.contains("retrying")).anyMatch(l -> l.contains("BOOK-1"));
        assertThat(String.join("\n", lines)).doesNotContain(jira.apiToken()).doesNotContain(basic)
                .doesNotContain("Authorization");
    }
}

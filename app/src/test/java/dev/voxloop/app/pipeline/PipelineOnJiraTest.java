package dev.voxloop.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voxloop.tracker.jira.JiraPeer;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The pipeline suite with Jira Cloud as the tracker, through an in-process peer that validates every request
 * against Jira's published v3 OpenAPI contract.
 */
class PipelineOnJiraTest extends PipelineContract {

    private JiraPeer jira;

    @BeforeEach
    void startJira() {
        jira = JiraPeer.start();
        jira.addProject("EVT", "EventIt", "Event ticketing: events, venues, ticket sales, QR code tickets, seat maps");
        jira.addProject("TRACK", "TrackIt", "Time tracking: timers, timesheets, invoicing with Swedish VAT, PDF invoices");
        jira.addProject("OPS", "Platform", "CI pipelines, deployments, servers, monitoring");
    }

    @AfterEach
    void stopJira() {
        jira.assertNoViolations();
        jira.close();
    }

    @Override
    Map<String, Object> baseConfig() {
        return Map.of("tracker.kind", "jira", "tracker.jira.url", jira.baseUrl(), "tracker.jira.email", jira.email(),
                "tracker.jira.api_token", jira.apiToken(), "tracker.jira.search_settle", "0s");
    }

    @Override
    String storeKey() {
        return "STORE";
    }

    @Test
    void aCreateThatTimesOutAndIsRetriedLeavesExactlyOneIssue() {
        TestServer s = start(Map.of("tracker.jira.request_timeout", "1s", "tracker.jira.retry.max_attempts", "1"));
        String id = s.http.post("/api/pipeline/run",
                "{\"text\":\"Create a high priority bug in BookIt: the calendar crashes on Safari\"}").json()
                .path("session_id").asText();
        jira.delayNextCreate(java.time.Duration.ofSeconds(3));
        Http.Response first = s.http.postJson("/api/pipeline/approve", Map.of("session_id", id));
        Http.Response retry = first.status() == 200 ? first
                : s.http.postJson("/api/pipeline/approve", Map.of("session_id", id));
        assertThat(retry.status()).as(retry.body()).isEqualTo(200);
        assertThat(jira.issues()).hasSize(1);
        assertThat(jira.issues().getFirst().labels()).anyMatch(l -> l.contains(id));
    }

    @Test
    void whatTheCreateScreenLacksIsAddedAfterwardsAndTheResultSaysSo() {
        jira.offCreateScreen("BOOK", false, "description");
        TestServer s = start(Map.of());
        String id = s.http.post("/api/pipeline/run",
                "{\"text\":\"Create a high priority bug in BookIt: the calendar crashes on Safari\"}").json()
                .path("session_id").asText();
        Http.Response filed = s.http.postJson("/api/pipeline/approve", Map.of("session_id", id));
        assertThat(filed.status()).as(filed.body()).isEqualTo(200);
        assertThat(filed.json().path("notes")).singleElement().satisfies(n -> assertThat(n.asText())
                .startsWith("The description and acceptance criteria were added by an edit"));
        var issue = jira.issues().getFirst();
        assertThat(issue.description().toString()).contains("calendar crashes on Safari");
        assertThat(issue.comments()).hasSize(1);
    }
}

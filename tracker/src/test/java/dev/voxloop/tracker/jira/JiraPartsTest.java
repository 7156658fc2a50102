package dev.voxloop.tracker.jira;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.voxloop.core.config.ConfigTree;
import dev.voxloop.core.config.Settings;
import dev.voxloop.core.intent.IssueType;
import dev.voxloop.core.intent.Priority;
import dev.voxloop.core.intent.TicketDraft;
import dev.voxloop.core.ticket.Provenance;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Pure parts: settings, retry delays, JQL quoting, ADF round trip, error mapping. */
class JiraPartsTest {

    @Test
    void settingsReadTheTreeNormaliseTheUrlAndHideSecrets() {
        ConfigTree c = new ConfigTree(Map.of("tracker", Map.of("jira", Map.of("url", "acme.atlassian.net/",
                "email", "me@acme.io", "api_token", "tok-123", "project_key", "BOOK",
                "retry", Map.of("max_attempts", "3", "max_total_wait", "5s"),
                "fields", Map.of("customfield_1", Map.of("id", "7"))))));
        JiraSettings s = JiraSettings.from(c);
        assertThat(s.url()).isEqualTo("https://acme.atlassian.net");
        assertThat(s.retry().maxAttempts()).isEqualTo(3);
        assertThat(s.retry().maxTotalWait()).isEqualTo(Duration.ofSeconds(5));
        assertThat(s.missing()).isEmpty();
        assertThat(s.fields()).containsEntry("customfield_1", Map.of("id", "7"));
        assertThat(s.auth()).isInstanceOf(JiraAuth.Basic.class);
        assertThat(s.toString()).doesNotContain("tok-123");
        assertThat(JiraSettings.selected(c)).isTrue();
        assertThat(JiraSettings.selected(ConfigTree.empty())).isFalse();
        assertThat(JiraSettings.selected(new ConfigTree(Map.of("tracker", Map.of("kind", "builtin",
                "jira", Map.of("url", "x")))))).isFalse();
        assertThat(JiraTrackerFactory.fromConfig(ConfigTree.empty())).isEmpty();
        assertThatThrownBy(() -> JiraTrackerFactory.fromConfig(new ConfigTree(Map.of("tracker", Map.of("kind", "jira")))))
                .hasMessage("Jira tracker needs JIRA_URL, JIRA_EMAIL, JIRA_API_TOKEN");
        assertThat(Settings.keys(JiraSettings.class)).anyMatch(k -> k.env().contains("JIRA_API_TOKEN") && k.secret())
                .anyMatch(k -> k.env().contains("JIRA_OAUTH_TOKEN") && k.secret())
                .anyMatch(k -> k.env().contains("JIRA_URL")).anyMatch(k -> k.env().contains("JIRA_EMAIL"))
                .anyMatch(k -> k.env().contains("JIRA_PROJECT_KEY"));
        assertThat(Settings.keys(TrackerSelection.class)).singleElement()
                .satisfies(k -> assertThat(k.path()).isEqualTo("tracker.kind"));
        assertThatThrownBy(() -> JiraSettings.selected(new ConfigTree(Map.of("tracker", Map.of("kind", "jiira")))))
                .hasMessageContaining("tracker.kind").hasMessageContaining("jiira");
    }

    @Test
    void oauthTokenWinsOverBasic() {
        JiraSettings s = new JiraSettings("https://x", null, null, "oauth-1", null, null, null, null, null);
        assertThat(s.missing()).isEmpty();
        assertThat(s.auth().header()).isEqualTo("Bearer oauth-1");
        assertThat(s.auth().toString()).doesNotContain("oauth-1");
    }

    @Test
    void retryDelaysHonourRetryAfterAndOtherwiseDoubleWithJitterUpToTheCap() {
        RetryPolicy p = new RetryPolicy(6, Duration.ofMillis(100), Duration.ofMillis(1000), Duration.ofSeconds(60));
        Random r = new Random(7);
        for (int i = 0; i < 200; i++) {
            assertThat(p.delay(1, Optional.of(Duration.ofSeconds(3)), r)).isBetween(Duration.ofSeconds(3), Duration.ofMillis(3300));
            assertThat(p.delay(1, Optional.empty(), r)).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
            assertThat(p.delay(3, Optional.empty(), r)).isBetween(Duration.ofMillis(200), Duration.ofMillis(400));
            assertThat(p.delay(9, Optional.empty(), r)).isBetween(Duration.ofMillis(500), Duration.ofMillis(1000));
        }
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO, Duration.ZERO))
                .hasMessageContaining("max_attempts");
    }

    @Test
    void retryAfterParsesSecondsAndHttpDates() {
        assertThat(JiraTransport.parseRetryAfter("5")).contains(Duration.ofSeconds(5));
        assertThat(JiraTransport.parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT")).contains(Duration.ZERO);
        assertThat(JiraTransport.parseRetryAfter("soon")).isEmpty();
    }

    @Test
    void jqlQuotesValuesSoTheyCannotEscape() {
        assertThat(Jql.quote("a\"b\\c")).isEqualTo("\"a\\\"b\\\\c\"");
        assertThat(Jql.byIntake("AB12 cd")).isEqualTo("labels = \"voxloop-intake-ab12-cd\" ORDER BY created ASC");
        assertThat(Jql.newest("BOOK")).isEqualTo("project = \"BOOK\" ORDER BY created DESC");
    }

    @Test
    void adfRoundTripsDescriptionAndCriteria() throws Exception {
        TicketDraft d = new TicketDraft("S", "Line one\nline two\n\nSecond paragraph", List.of("A works", "B works"),
                IssueType.STORY, Priority.LOW, "BOOK", null, List.of());
        var doc = AdfDocument.ticketBody(d, new Provenance("abc", false, "typed words", Instant.parse("2026-01-02T03:04:05Z")));
        AdfText.Sections s = AdfText.sections(doc);
        assertThat(s.description()).isEqualTo("Line one\nline two\n\nSecond paragraph");
        assertThat(s.acceptanceCriteria()).containsExactly("A works", "B works");
        String json = new ObjectMapper().writeValueAsString(doc);
        assertThat(json).contains("\"hardBreak\"").contains("Requested in writing").contains("typed words")
                .doesNotContain("VOICE_INITIATED");
        assertThat(AdfText.sections(new ObjectMapper().readTree("\"legacy plain text\"")).description())
                .isEqualTo("legacy plain text");
        assertThat(AdfText.plain(AdfDocument.ticketBody(TicketDraft.empty().withSummary("Only a summary"), null)))
                .isEqualTo("Only a summary");
    }

    @Test
    void jiraErrorBodiesBecomePlainWords() throws Exception {
        var body = new ObjectMapper().readTree("{\"errorMessages\":[\"Something else\"],\"errors\":{\"priority\":\"bad\"}}");
        assertThat(JiraErrors.detail(body)).isEqualTo("priority: bad; Something else");
        assertThat(JiraErrors.firstField(body)).isEqualTo("priority");
    }
}

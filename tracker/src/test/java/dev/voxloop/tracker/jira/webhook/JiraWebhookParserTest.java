package dev.voxloop.tracker.jira.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.voxloop.core.problem.Problem;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JiraWebhookParserTest {

    private final JiraWebhookParser parser = new JiraWebhookParser();

    private WebhookDecision decide(String json) {
        return parser.decide(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aCreatedVoiceTicketIsQueued() {
        assertThat(decide("""
                {"webhookEvent":"jira:issue_created","issue":{"key":"BOOK-7","fields":{
                 "summary":"Calendar crashes on Safari","labels":["safari","VOICE_INITIATED"]}}}"""))
                .isEqualTo(new WebhookDecision.Queue("BOOK-7", "Calendar crashes on Safari"));
    }

    @Test
    void aCreatedTicketWithoutTheLabelIsIgnored() {
        assertThat(decide("""
                {"webhookEvent":"jira:issue_created","issue":{"key":"BOOK-8","fields":{"summary":"x","labels":[]}}}"""))
                .isInstanceOfSatisfying(WebhookDecision.Ignore.class, i -> {
                    assertThat(i.event()).isEqualTo("jira:issue_created");
                    assertThat(i.reason()).contains("VOICE_INITIATED");
                });
    }

    @Test
    void anUpdateQueuesOnlyWhenTheLabelWasJustAdded() {
        String added = """
                {"webhookEvent":"jira:issue_updated","issue":{"key":"BOOK-9","fields":{"summary":"Hand over",
                 "labels":["VOICE_INITIATED"]}},"changelog":{"items":[{"field":"labels","fromString":"ui",
                 "toString":"ui VOICE_INITIATED"}]}}""";
        assertThat(decide(added)).isEqualTo(new WebhookDecision.Queue("BOOK-9", "Hand over"));
        String edited = """
                {"webhookEvent":"jira:issue_updated","issue":{"key":"BOOK-9","fields":{"summary":"Hand over",
                 "labels":["VOICE_INITIATED"]}},"changelog":{"items":[{"field":"summary","fromString":"a","toString":"b"}]}}""";
        assertThat(decide(edited)).isInstanceOf(WebhookDecision.Ignore.class);
    }

    @Test
    void otherEventsAndKeylessPayloadsAreIgnored() {
        assertThat(decide("{\"webhookEvent\":\"jira:issue_deleted\",\"issue\":{\"key\":\"BOOK-1\"}}"))
                .isEqualTo(new WebhookDecision.Ignore("jira:issue_deleted", "event jira:issue_deleted is not handled"));
        assertThat(decide("{}")).isInstanceOf(WebhookDecision.Ignore.class);
        assertThat(decide("{\"webhookEvent\":\"jira:issue_created\",\"issue\":{\"fields\":{\"labels\":[\"VOICE_INITIATED\"]}}}"))
                .isEqualTo(new WebhookDecision.Ignore("jira:issue_created", "no issue key in the payload"));
    }

    @Test
    void aBodyThatIsNotAJsonObjectIsInvalid() {
        for (String bad : new String[] {"", "[]", "not json", "\"text\""}) {
            assertThatThrownBy(() -> decide(bad)).isInstanceOfSatisfying(Problem.class,
                    p -> assertThat(p.kind()).isEqualTo(Problem.Kind.INVALID));
        }
    }
}

package dev.voxloop.tracker.jira.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.voxloop.core.problem.Problem;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JiraWebhookTest {

    private final byte[] body = """
            {"webhookEvent":"jira:issue_created","issue":{"key":"BOOK-3","fields":{"summary":"S","labels":["VOICE_INITIATED"]}}}"""
            .getBytes(StandardCharsets.UTF_8);

    @Test
    void withASecretOnlySignedDeliveriesAreDecided() {
        JiraWebhook hook = new JiraWebhook("s3cret");
        String sig = new JiraWebhookSignature("s3cret").sign(body);
        assertThat(hook.receive(body, sig)).isEqualTo(new WebhookDecision.Queue("BOOK-3", "S"));
        assertThatThrownBy(() -> hook.receive(body, null)).isInstanceOfSatisfying(Problem.class,
                p -> assertThat(p.kind()).isEqualTo(Problem.Kind.UNAUTHORIZED));
        assertThatThrownBy(() -> hook.receive(body, new JiraWebhookSignature("other").sign(body)))
                .hasMessageContaining("does not match");
    }

    @Test
    void withoutASecretEveryDeliveryIsDecided() {
        JiraWebhook hook = new JiraWebhook(null);
        assertThat(hook.signed()).isFalse();
        assertThat(hook.receive(body, null)).isInstanceOf(WebhookDecision.Queue.class);
    }
}

package dev.voxloop.tracker.jira.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JiraWebhookSignatureTest {

    private final byte[] body = "{\"webhookEvent\":\"jira:issue_created\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void matchesAKnownHmacSha256() {
        // printf '%s' '{"webhookEvent":"jira:issue_created"}' | openssl dgst -sha256 -hmac 's3cret'
        JiraWebhookSignature sig = new JiraWebhookSignature("s3cret");
        String expected = "sha256=5ab55f7b72371fd2e7a1600c3bd8350b77dad92d8a82b18a6721676d53243a5e";
        assertThat(sig.sign(body)).isEqualTo(expected);
        assertThat(sig.verify(body, expected)).isTrue();
        assertThat(sig.verify(body, expected.toUpperCase().replace("SHA256=", "sha256="))).isTrue();
    }

    @Test
    void rejectsTamperingWrongSecretsAndMalformedHeaders() {
        JiraWebhookSignature sig = new JiraWebhookSignature("s3cret");
        String good = sig.sign(body);
        byte[] tampered = "{\"webhookEvent\":\"jira:issue_updated\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(sig.verify(tampered, good)).isFalse();
        assertThat(new JiraWebhookSignature("other").verify(body, good)).isFalse();
        assertThat(sig.verify(body, null)).isFalse();
        assertThat(sig.verify(body, "")).isFalse();
        assertThat(sig.verify(body, good.substring(7))).isFalse();
        assertThat(sig.verify(body, "sha1=" + good.substring(7))).isFalse();
        assertThat(sig.verify(body, "sha256=zz")).isFalse();
        assertThat(sig.verify(body, good.substring(0, good.length() - 2))).isFalse();
        assertThat(sig.toString()).doesNotContain("s3cret");
        assertThatThrownBy(() -> new JiraWebhookSignature("")).isInstanceOf(IllegalArgumentException.class);
    }
}

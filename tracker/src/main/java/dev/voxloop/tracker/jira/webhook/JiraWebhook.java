package dev.voxloop.tracker.jira.webhook;

import dev.voxloop.core.problem.Problem;

/**
 * One call for the HTTP endpoint {@code POST /api/webhook/jira}: checks {@code X-Hub-Signature} when a secret is
 * configured (JIRA_WEBHOOK_SECRET), then decides. Without a secret every delivery is accepted, as in the original.
 */
public final class JiraWebhook {

    private final JiraWebhookSignature signature;
    private final JiraWebhookParser parser;

    /** @param secret the webhook secret, or null/blank to accept unsigned deliveries */
    public JiraWebhook(String secret) {
        this.signature = secret == null || secret.isBlank() ? null : new JiraWebhookSignature(secret);
        this.parser = new JiraWebhookParser();
    }

    public boolean signed() {
        return signature != null;
    }

    /**
     * @param rawBody         the request body exactly as received (the signature covers these bytes)
     * @param signatureHeader the X-Hub-Signature header value, or null
     * @throws Problem UNAUTHORIZED when a secret is configured and the signature is missing or wrong;
     *                 INVALID when the body is not a JSON object
     */
    public WebhookDecision receive(byte[] rawBody, String signatureHeader) {
        if (signature != null && !signature.verify(rawBody, signatureHeader)) {
            throw new Problem(Problem.Kind.UNAUTHORIZED, signatureHeader == null
                    ? "webhook: missing " + JiraWebhookSignature.HEADER + " signature"
                    : "webhook: the " + JiraWebhookSignature.HEADER + " signature does not match the body");
        }
        return parser.decide(rawBody);
    }
}

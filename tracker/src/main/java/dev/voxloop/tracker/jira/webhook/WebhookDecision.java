package dev.voxloop.tracker.jira.webhook;

/** What to do with a Jira webhook delivery. */
public sealed interface WebhookDecision {

    /** Put the ticket on the loop queue. */
    record Queue(String key, String summary) implements WebhookDecision {
    }

    /** Nothing to do; {@code event} is the webhookEvent (may be empty), {@code reason} plain words. */
    record Ignore(String event, String reason) implements WebhookDecision {
    }
}

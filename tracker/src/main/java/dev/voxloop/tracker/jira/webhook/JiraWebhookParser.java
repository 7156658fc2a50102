package dev.voxloop.tracker.jira.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.voxloop.core.problem.Problem;
import dev.voxloop.core.ticket.TicketTracker;
import java.io.IOException;
import java.util.Arrays;
import java.util.Set;

/**
 * Decides what a Jira webhook delivery means, as the original did: a {@code jira:issue_created} whose labels
 * include {@code VOICE_INITIATED} is queued. Beyond the original, a {@code jira:issue_updated} is queued when its
 * changelog shows {@code VOICE_INITIATED} being added to the labels (so a person can hand an existing ticket to
 * the loop by labelling it); other updates are ignored, so editing a ticket does not queue it again.
 * Pure: no I/O; the caller verifies the signature first ({@link JiraWebhookSignature}).
 */
public final class JiraWebhookParser {

    public static final String CREATED = "jira:issue_created";
    public static final String UPDATED = "jira:issue_updated";

    private final ObjectMapper json;
    private final String label;

    public JiraWebhookParser() {
        this(new ObjectMapper(), TicketTracker.VOICE_INITIATED);
    }

    public JiraWebhookParser(ObjectMapper json, String label) {
        this.json = json;
        this.label = label;
    }

    /** @throws Problem INVALID when the body is not a JSON object */
    public WebhookDecision decide(byte[] body) {
        JsonNode root;
        try {
            root = body == null || body.length == 0 ? null : json.readTree(body);
        } catch (IOException e) {
            root = null;
        }
        if (root == null || !root.isObject()) {
            throw Problem.invalid("body", "webhook: the body is not a JSON object");
        }
        return decide(root);
    }

    public WebhookDecision decide(JsonNode root) {
        String event = root.path("webhookEvent").asText("");
        JsonNode issue = root.path("issue");
        String key = issue.path("key").asText("");
        String summary = issue.path("fields").path("summary").asText("");
        if (!CREATED.equals(event) && !UPDATED.equals(event)) {
            return new WebhookDecision.Ignore(event, "event " + (event.isEmpty() ? "(none)" : event) + " is not handled");
        }
        if (key.isBlank()) {
            return new WebhookDecision.Ignore(event, "no issue key in the payload");
        }
        boolean labelled = false;
        for (JsonNode l : issue.path("fields").path("labels")) {
            labelled |= label.equals(l.asText());
        }
        if (!labelled) {
            return new WebhookDecision.Ignore(event, key + " does not carry the " + label + " label");
        }
        if (UPDATED.equals(event) && !labelJustAdded(root)) {
            return new WebhookDecision.Ignore(event, key + " was updated but the " + label + " label was not just added");
        }
        return new WebhookDecision.Queue(key, summary);
    }

    private boolean labelJustAdded(JsonNode root) {
        for (JsonNode item : root.path("changelog").path("items")) {
            if ("labels".equalsIgnoreCase(item.path("field").asText())) {
                Set<String> before = words(item.path("fromString").asText(""));
                Set<String> after = words(item.path("toString").asText(""));
                if (after.contains(label) && !before.contains(label)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Set<String> words(String labels) {
        return Set.copyOf(Arrays.stream(labels.strip().split("\\s+")).filter(s -> !s.isEmpty()).toList());
    }
}

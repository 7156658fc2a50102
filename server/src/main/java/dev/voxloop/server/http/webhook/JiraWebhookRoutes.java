package dev.voxloop.server.http.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.voxloop.core.event.EventBus;
import dev.voxloop.core.event.PipelineEvent;
import dev.voxloop.core.problem.Problem;
import dev.voxloop.core.queue.LoopQueue;
import dev.voxloop.core.ticket.TicketTracker;
import dev.voxloop.server.json.JsonBody;
import dev.voxloop.server.json.WireShapes;
import dev.voxloop.server.security.AccessRules;
import dev.voxloop.server.security.WebhookSignature;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.time.Clock;
import java.util.Set;

/**
 * Jira's webhook: a created issue labelled VOICE_INITIATED, or an updated one that just gained that label,
 * goes on the loop queue. The signature is
 * checked on the raw body before anything is parsed.
 */
public final class JiraWebhookRoutes {

    private static final String UPDATED = "jira:issue_updated";
    private static final Set<String> QUEUED_EVENTS = Set.of("jira:issue_created", UPDATED);

    private final LoopQueue queue;
    private final EventBus events;
    private final JsonBody body;
    private final WebhookSignature signature;
    private final Clock clock;

    public JiraWebhookRoutes(LoopQueue queue, EventBus events, JsonBody body, WebhookSignature signature,
                             Clock clock) {
        this.queue = queue;
        this.events = events;
        this.body = body;
        this.signature = signature;
        this.clock = clock;
    }

    public void register(JavalinDefaultRoutingApi routes) {
        routes.post(AccessRules.WEBHOOK_PATH, this::receive);
    }

    private void receive(Context ctx) {
        byte[] raw = body.rawBytes(ctx);
        signature.verify(raw, ctx.header("X-Hub-Signature"));
        JsonNode event = body.readTree(ctx, raw);
        String name = event.path("webhookEvent").asText("");
        JsonNode issue = event.path("issue");
        if (!QUEUED_EVENTS.contains(name) || !hasVoiceLabel(issue)
                || UPDATED.equals(name) && !voiceLabelJustAdded(event.path("changelog"))) {
            ctx.json(WireShapes.obj("status", "ignored", "event", name));
            return;
        }
        String key = issue.path("key").asText("").strip();
        if (key.isEmpty()) {
            throw Problem.invalid("issue.key", "issue.key is required");
        }
        String summary = issue.path("fields").path("summary").asText("");
        boolean queued = queue.enqueue(key, summary);
        if (queued) {
            events.publish(new PipelineEvent.TicketQueued(clock.instant(), key, summary));
        }
        ctx.json(WireShapes.obj("status", "processed", "issue_key", key, "queued", queued));
    }

    /**
     * An update queues the ticket only when its changelog shows the label being added, so later edits of a
     * labelled issue (comments, status changes) do not queue it again.
     */
    private static boolean voiceLabelJustAdded(JsonNode changelog) {
        for (JsonNode item : changelog.path("items")) {
            if ("labels".equalsIgnoreCase(item.path("field").asText())
                    && words(item.path("toString").asText("")).contains(TicketTracker.VOICE_INITIATED)
                    && !words(item.path("fromString").asText("")).contains(TicketTracker.VOICE_INITIATED)) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> words(String labels) {
        return Set.of(labels.strip().split("\\s+"));
    }

    private static boolean hasVoiceLabel(JsonNode issue) {
        for (JsonNode label : issue.path("fields").path("labels")) {
            if (TicketTracker.VOICE_INITIATED.equals(label.asText())) {
                return true;
            }
        }
        return false;
    }
}

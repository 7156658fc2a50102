package dev.voxloop.server.http.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.voxloop.core.event.EventBus;
import dev.voxloop.core.event.PipelineEvent;
import dev.voxloop.core.input.TextField;
import dev.voxloop.core.problem.Problem;
import dev.voxloop.core.ticket.TicketKey;
import dev.voxloop.core.webhook.Deliveries;
import dev.voxloop.server.ServerSettings;
import dev.voxloop.core.queue.LoopQueue;
import dev.voxloop.core.ticket.TicketTracker;
import dev.voxloop.server.json.JsonBody;
import dev.voxloop.server.json.WireShapes;
import dev.voxloop.server.security.AccessRules;
import dev.voxloop.server.security.WebhookSignature;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;

/**
 * Jira's webhook: a created issue labelled VOICE_INITIATED, or an updated one that just gained that label,
 * goes on the loop queue. In order: refused outright when the server has an API token but no webhook secret;
 * the signature checked on the raw body before anything is parsed; a signed delivery's {@code timestamp} must be
 * within {@code server.webhook_window} of now; the delivery (the digest of its signed body) must not have been
 * received before (kept durably, so a replay after a restart is refused too); the issue key must be a key and
 * name a ticket the tracker has; and a ticket the queue already holds, finished or not, is never queued again.
 */
public final class JiraWebhookRoutes {

    private static final String UPDATED = "jira:issue_updated";
    private static final String SOURCE = "jira";
    /** Delivery digests are kept at least this long (longer when the timestamp window is wider). */
    private static final Duration RETENTION = Duration.ofDays(7);
    private static final TextField SUMMARY = TextField.line("issue.fields.summary", 255);
    private static final Set<String> QUEUED_EVENTS = Set.of("jira:issue_created", UPDATED);

    private final LoopQueue queue;
    private final EventBus events;
    private final JsonBody body;
    private final WebhookSignature signature;
    private final Clock clock;
    private final TicketTracker tracker;
    private final Deliveries deliveries;
    private final boolean refused;
    private final Duration window;

    public JiraWebhookRoutes(LoopQueue queue, EventBus events, JsonBody body, WebhookSignature signature,
                             Clock clock, TicketTracker tracker, Deliveries deliveries, ServerSettings settings) {
        this.queue = queue;
        this.events = events;
        this.body = body;
        this.signature = signature;
        this.clock = clock;
        this.tracker = tracker;
        this.deliveries = deliveries;
        this.refused = settings.apiToken() != null && !signature.enabled();
        this.window = settings.webhookWindow();
    }

    public void register(JavalinDefaultRoutingApi routes) {
        routes.post(AccessRules.WEBHOOK_PATH, this::receive);
    }

    private void receive(Context ctx) {
        if (refused) {
            throw new Problem(Problem.Kind.FORBIDDEN, "This server has an API token but no webhook secret, so it "
                    + "takes no webhooks; set server.webhook_secret (JIRA_WEBHOOK_SECRET) and sign the deliveries");
        }
        byte[] raw = body.rawBytes(ctx);
        signature.verify(raw, ctx.header("X-Hub-Signature"));
        JsonNode event = body.readTree(ctx, raw);
        JsonNode issue = event.path("issue");
        if (!issue.isObject()) {
            throw Problem.invalid("issue", "issue is required (an object with the issue's key)");
        }
        if (signature.enabled()) {
            requireFresh(event.path("timestamp"));
        }
        String delivery = HexFormat.of().formatHex(sha256(raw));
        if (!deliveries.firstTime(SOURCE, delivery, clock.instant())) {
            throw Problem.conflict("This delivery was received before; replays are refused");
        }
        deliveries.forgetBefore(clock.instant().minus(RETENTION.compareTo(window.multipliedBy(2)) > 0 ? RETENTION
                : window.multipliedBy(2)));
        try {
            ctx.json(handle(event, issue));
        } catch (RuntimeException e) {
            deliveries.forget(SOURCE, delivery); // not handled: Jira's retry must be taken
            throw e;
        }
    }

    private Map<String, Object> handle(JsonNode event, JsonNode issue) {
        String name = event.path("webhookEvent").asText("");
        if (!QUEUED_EVENTS.contains(name) || !hasVoiceLabel(issue)
                || UPDATED.equals(name) && !voiceLabelJustAdded(event.path("changelog"))) {
            return WireShapes.obj("status", "ignored", "event", name);
        }
        String key = issue.path("key").asText("").strip();
        if (key.isEmpty()) {
            throw Problem.invalid("issue.key", "issue.key is required");
        }
        if (!TicketKey.valid(key)) {
            throw Problem.invalid("issue.key", "issue.key is not a ticket key (such as BOOK-12)");
        }
        if (tracker.find(key).isEmpty()) {
            throw new Problem(Problem.Kind.UNPROCESSABLE, "Ticket " + key + " does not exist in the tracker",
                    "issue.key");
        }
        String summary = SUMMARY.optional(issue.path("fields").path("summary").asText(""));
        boolean queued = queue.find(key).isEmpty() && queue.enqueue(key, summary == null ? "" : summary);
        if (queued) {
            events.publish(new PipelineEvent.TicketQueued(clock.instant(), key, summary));
        }
        return WireShapes.obj("status", "processed", "issue_key", key, "queued", queued);
    }

    /** Jira puts the delivery time (epoch milliseconds) in the signed body: an old one is a replay. */
    private void requireFresh(JsonNode timestamp) {
        if (!timestamp.canConvertToLong() || !timestamp.isIntegralNumber()) {
            throw Problem.invalid("timestamp", "a signed delivery needs its timestamp (epoch milliseconds)");
        }
        Instant at = Instant.ofEpochMilli(timestamp.asLong());
        if (Duration.between(at, clock.instant()).abs().compareTo(window) > 0) {
            throw Problem.conflict("The delivery's timestamp is more than " + window.toMinutes()
                    + " minutes from now; replays are refused");
        }
    }

    private static byte[] sha256(byte[] raw) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(raw);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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

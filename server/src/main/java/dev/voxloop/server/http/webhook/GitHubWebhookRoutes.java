package dev.voxloop.server.http.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.voxloop.core.event.EventBus;
import dev.voxloop.core.event.PipelineEvent;
import dev.voxloop.core.problem.Problem;
import dev.voxloop.core.queue.LoopQueue;
import dev.voxloop.core.webhook.Deliveries;
import dev.voxloop.core.ticket.TicketTracker;
import dev.voxloop.server.json.JsonBody;
import dev.voxloop.server.json.WireShapes;
import dev.voxloop.server.security.AccessRules;
import dev.voxloop.server.security.WebhookSignature;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;

/**
 * GitHub's webhook at {@code /api/webhook/github}. The signature ({@code X-Hub-Signature-256}, HMAC-SHA256 of the raw
 * body, compared in constant time) is checked before anything is parsed; a delivery ({@code X-GitHub-Delivery}) is
 * taken once (recorded before acting, forgotten when acting failed). Check runs, check suites, workflow runs, statuses,
 * reviews and pull request changes wake the runs waiting on that repository (which then read the forge, so a pull
 * request closed or merged by a person ends its run there); an issue labelled {@code VOICE_INITIATED} in a repository
 * that is a tracker project is queued, like Jira's.
 */
public final class GitHubWebhookRoutes {

    public static final String PATH = AccessRules.GITHUB_WEBHOOK_PATH;
    private static final Set<String> WAKING = Set.of("check_run", "check_suite", "workflow_run", "status",
            "pull_request", "pull_request_review", "pull_request_review_comment");

    private final LoopQueue queue;
    private final EventBus events;
    private final JsonBody body;
    private final GitHubHooks hooks;
    private final Deliveries deliveries;
    private final WebhookSignature signature;
    private final Clock clock;

    public GitHubWebhookRoutes(LoopQueue queue, EventBus events, JsonBody body, GitHubHooks hooks,
                               Deliveries deliveries, Clock clock) {
        this.queue = queue;
        this.events = events;
        this.body = body;
        this.hooks = hooks;
        this.deliveries = deliveries;
        this.signature = new WebhookSignature(hooks.secret());
        this.clock = clock;
    }

    public void register(JavalinDefaultRoutingApi routes) {
        routes.post(PATH, this::receive);
    }

    private void receive(Context ctx) {
        if (!signature.enabled()) {
            throw Problem.unavailable("the GitHub webhook is off: set GITHUB_WEBHOOK_SECRET (github.webhook_secret)");
        }
        byte[] raw = body.rawBytes(ctx);
        signature.verify(raw, ctx.header("X-Hub-Signature-256"));
        String event = required(ctx, "X-GitHub-Event");
        String delivery = required(ctx, "X-GitHub-Delivery");
        JsonNode payload = body.readTree(ctx, raw);
        if (!deliveries.firstTime("github", delivery, clock.instant())) {
            ctx.json(WireShapes.obj("status", "duplicate", "delivery", delivery));
            return;
        }
        try {
            ctx.json(act(event, payload));
        } catch (RuntimeException e) {
            deliveries.forget("github", delivery);
            throw e;
        }
    }

    private Object act(String event, JsonNode payload) {
        String repo = payload.path("repository").path("full_name").asText("");
        if (event.equals("ping")) {
            return WireShapes.obj("status", "pong");
        }
        if (event.equals("issues")) {
            return issue(payload, repo);
        }
        if (WAKING.contains(event) && !repo.isEmpty()) {
            hooks.wakeups().signal(repo);
            return WireShapes.obj("status", "processed", "event", event, "repository", repo);
        }
        return WireShapes.obj("status", "ignored", "event", event);
    }

    private Object issue(JsonNode payload, String repo) {
        String action = payload.path("action").asText();
        JsonNode issue = payload.path("issue");
        boolean labelled = action.equals("labeled")
                ? TicketTracker.VOICE_INITIATED.equals(payload.path("label").path("name").asText())
                : action.equals("opened") && hasVoiceLabel(issue);
        Optional<String> project = hooks.projectOf().apply(repo);
        if (!labelled || project.isEmpty() || issue.has("pull_request")) {
            return WireShapes.obj("status", "ignored", "event", "issues", "action", action);
        }
        String key = project.get() + "-" + issue.path("number").asInt();
        String summary = issue.path("title").asText("");
        boolean queued = queue.enqueue(key, summary);
        if (queued) {
            events.publish(new PipelineEvent.TicketQueued(clock.instant(), key, summary));
        }
        return WireShapes.obj("status", "processed", "issue_key", key, "queued", queued);
    }

    private static boolean hasVoiceLabel(JsonNode issue) {
        for (JsonNode l : issue.path("labels")) {
            if (TicketTracker.VOICE_INITIATED.equals(l.path("name").asText())) {
                return true;
            }
        }
        return false;
    }

    private static String required(Context ctx, String header) {
        String v = ctx.header(header);
        if (v == null || v.isBlank() || v.length() > 128) {
            throw Problem.invalid(header, header + " is required");
        }
        return v.strip();
    }
}

package dev.voxloop.server.http.loop;

import dev.voxloop.core.event.EventBus;
import dev.voxloop.core.event.PipelineEvent;
import dev.voxloop.core.input.TextField;
import dev.voxloop.core.problem.Problem;
import dev.voxloop.core.queue.QueueInput;
import dev.voxloop.core.queue.LoopQueue;
import dev.voxloop.core.queue.QueueEntry;
import dev.voxloop.core.queue.QueueStatus;
import dev.voxloop.server.ServerSettings;
import dev.voxloop.server.json.JsonBody;
import dev.voxloop.server.json.WireShapes;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.time.Clock;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The original's loop queue endpoints for an external runner: list pending, started, completed, the failed list
 * and retry. Unlike the original, unknown keys are a 404 and {@code success} stays a boolean.
 */
public final class LoopRoutes {

    private static final int LIST_LIMIT = 1000;
    static final TextField KEY = TextField.line("key", QueueInput.MAX_KEY_LENGTH);
    static final TextField WORKER = TextField.line("worker", 255);
    static final TextField ERROR = TextField.lines("error", 10_000);

    private final LoopQueue queue;
    private final EventBus events;
    private final JsonBody body;
    private final ServerSettings settings;
    private final Clock clock;

    public LoopRoutes(LoopQueue queue, EventBus events, JsonBody body, ServerSettings settings, Clock clock) {
        this.queue = queue;
        this.events = events;
        this.body = body;
        this.settings = settings;
        this.clock = clock;
    }

    /** {key, worker?}. */
    record Started(String key, String worker) {
    }

    /** {key, success, error?}. */
    record Completed(String key, Boolean success, String error) {
    }

    public void register(JavalinDefaultRoutingApi routes) {
        // In the queue's own order: the order the loop takes them (oldest first).
        routes.get("/api/loop/queue", ctx -> ctx.json(queue.list(QueueStatus.PENDING, LIST_LIMIT).stream()
                .map(WireShapes::queueEntry).toList()));
        routes.get("/api/loop/failed", ctx -> ctx.json(queue.list(QueueStatus.FAILED, LIST_LIMIT).stream()
                .map(WireShapes::failedEntry).toList()));
        routes.post("/api/loop/started", this::started);
        routes.post("/api/loop/completed", this::completed);
        routes.post("/api/loop/retry/{key}", this::retry);
    }

    private void started(Context ctx) {
        Started req = body.read(ctx, Started.class);
        String key = requireKey(req.key());
        String worker = Objects.requireNonNullElse(WORKER.optional(req.worker()), "external");
        QueueEntry e = queue.markStarted(key, worker, settings.loopLease()).orElseThrow(() -> queue.find(key)
                .map(cur -> Problem.conflict("ticket " + key + " is not waiting in the queue (it is "
                        + cur.status().name().toLowerCase(Locale.ROOT) + ")"))
                .orElseGet(() -> Problem.notFound("Ticket not in the queue: " + key)));
        events.publish(new PipelineEvent.LoopStarted(clock.instant(), key, worker));
        ctx.json(WireShapes.obj("status", "ok", "key", key, "attempts", e.attempts(), "lease_until", e.leaseUntil()));
    }

    private void completed(Context ctx) {
        Completed req = body.read(ctx, Completed.class);
        String key = requireKey(req.key());
        if (req.success() == null) {
            throw Problem.invalid("success", "success is required (true or false)");
        }
        boolean success = req.success();
        String error = success ? null : Objects.requireNonNullElse(ERROR.optional(req.error()), "reported failed");
        if (queue.find(key).isEmpty()) {
            throw Problem.notFound("Ticket not in the queue: " + key);
        }
        QueueEntry e = queue.complete(key, success, error, settings.queueMaxAttempts())
                .orElseThrow(() -> Problem.conflict("ticket " + key + " is not running; call /api/loop/started first"));
        events.publish(new PipelineEvent.LoopCompleted(clock.instant(), key, success, error));
        ctx.json(WireShapes.obj("status", "ok", "key", key, "success", success, "queue_status", e.status(),
                "attempts", e.attempts()));
    }

    private void retry(Context ctx) {
        String key = ctx.pathParam("key");
        var entry = key.length() > QueueInput.MAX_KEY_LENGTH ? Optional.<QueueEntry>empty() : queue.retry(key);
        if (entry.isEmpty()) {
            ctx.json(WireShapes.obj("status", "not_found", "key", key));
            return;
        }
        events.publish(new PipelineEvent.TicketQueued(clock.instant(), key, entry.get().summary()));
        ctx.json(WireShapes.obj("status", "ok", "key", key));
    }

    private static String requireKey(String key) {
        return KEY.require(key);
    }
}

package dev.voxloop.server.http.loop;

import dev.voxloop.core.loop.ControlSignal;
import dev.voxloop.core.loop.FailureKind;
import dev.voxloop.core.loop.LoopRun;
import dev.voxloop.core.loop.LoopRunRepository;
import dev.voxloop.core.loop.LoopTurn;
import dev.voxloop.core.input.TextField;
import dev.voxloop.core.problem.Problem;
import dev.voxloop.server.json.JsonBody;
import dev.voxloop.server.json.WireShapes;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The loop's runs for the console and operators: list and detail (stage, iterations, gate results of the last
 * turn, tokens and cost, a log tail of the turns), and the control signals abort, instruct and checkpoint, which
 * the orchestrator hands to the agent at its next turn.
 */
public final class LoopRunRoutes {

    private static final int LOG_TAIL = 20;
    private static final TextField MESSAGE = TextField.lines("message", 10_000);

    private final LoopRunRepository runs;
    private final JsonBody body;

    public LoopRunRoutes(LoopRunRepository runs, JsonBody body) {
        this.runs = runs;
        this.body = body;
    }

    /** {message?}: the instruction text (required for instruct). */
    record SignalRequest(String message) {
    }

    /** What a person may send to a run whose agent works (the console offers exactly these). */
    private static final List<String> ACTIONS = List.of("abort", "instruct", "checkpoint");

    public void register(JavalinDefaultRoutingApi routes) {
        routes.get("/api/loop/runs", this::list);
        routes.get("/api/loop/runs/{id}", this::detail);
        routes.post("/api/loop/runs/{id}/{signal}", this::signal);
    }

    private void list(Context ctx) {
        int limit = limit(ctx.queryParam("limit"));
        String ticket = ctx.queryParam("ticket");
        List<LoopRun> found = ticket == null || ticket.isBlank() ? runs.list(limit)
                : runs.forTicket(ticket.strip()).stream().limit(limit).toList();
        ctx.json(WireShapes.obj("runs", found.stream().map(r -> run(r, runs.turns(r.id()))).toList()));
    }

    private void detail(Context ctx) {
        LoopRun r = find(ctx.pathParam("id"));
        List<LoopTurn> turns = runs.turns(r.id());
        Map<String, Object> out = run(r, turns);
        out.put("turns", turns.stream().map(LoopRunRoutes::turn).toList());
        ctx.json(out);
    }

    private void signal(Context ctx) {
        ControlSignal.Kind kind = switch (ctx.pathParam("signal").toLowerCase(Locale.ROOT)) {
            case "abort" -> ControlSignal.Kind.ABORT;
            case "instruct", "instructions" -> ControlSignal.Kind.INSTRUCT;
            case "checkpoint" -> ControlSignal.Kind.CHECKPOINT;
            default -> throw Problem.notFound("No such run control: " + ctx.pathParam("signal")
                    + " (abort, instruct, checkpoint)");
        };
        LoopRun r = find(ctx.pathParam("id"));
        // abort and checkpoint need no body; an empty one is fine (never read the stream twice: JsonBody reads it)
        SignalRequest req = ctx.req().getContentLengthLong() == 0 ? new SignalRequest(null)
                : body.read(ctx, SignalRequest.class);
        String message = MESSAGE.optional(req.message());
        if (kind == ControlSignal.Kind.INSTRUCT && message == null) {
            throw Problem.invalid("message", "message is required for an instruction");
        }
        if (r.loopDone()) {
            throw Problem.conflict("run " + r.id() + " has finished (" + r.state() + ")");
        }
        if (!r.state().takesSignals()) {
            throw Problem.conflict("run " + r.id() + " is " + r.state() + ": signals reach a run only while its agent"
                    + " works (claimed, preparing, iterating, verifying)");
        }
        ControlSignal s = runs.signal(r.id(), kind, message);
        ctx.status(202).json(WireShapes.obj("status", "queued", "run_id", r.id(), "signal",
                kind.name().toLowerCase(Locale.ROOT), "signal_id", s.id()));
    }

    private LoopRun find(String id) {
        if (id.length() > 64) {
            throw Problem.notFound("Run not found");
        }
        return runs.find(id).orElseThrow(() -> Problem.notFound("Run not found: " + id));
    }

    private static Map<String, Object> run(LoopRun r, List<LoopTurn> turns) {
        LoopTurn last = turns.isEmpty() ? null : turns.getLast();
        List<String> log = new ArrayList<>();
        for (LoopTurn t : turns.subList(Math.max(0, turns.size() - LOG_TAIL), turns.size())) {
            log.add("turn " + t.iteration() + ": " + t.action() + (t.gates() == null || t.gates().isBlank() ? ""
                    : "  [" + t.gates() + "]"));
        }
        if (r.reason() != null && !r.reason().isBlank()) {
            log.add(r.state() + (r.failure() == null ? "" : " (" + r.failure().label() + ")") + ": " + r.reason());
        }
        FailureKind failure = r.failure();
        return WireShapes.obj("run_id", r.id(), "ticket_key", r.ticketKey(), "project_key", r.ticket().projectKey(),
                "state", r.state().name(), "iterations", r.iteration(), "branch", r.workspace().branch(),
                "agent", r.agent().agent(), "reason", r.reason(),
                "failure", failure == null ? null : failure.name(),
                "failure_label", failure == null ? null : failure.label(),
                "input_tokens", r.usage().inputTokens(), "output_tokens", r.usage().outputTokens(),
                "cost_usd", WireShapes.round(r.usage().costUsd(), 4), "pushed_commit", r.workspace().pushedCommit(),
                "started_at", r.timing().startedAt(), "updated_at", r.timing().updatedAt(),
                "finished_at", r.timing().finishedAt(),
                "gates", last == null ? List.of() : gates(last.gates()), "log_tail", log,
                "repository", r.forge().repository(), "pull_request", r.forge().hasPullRequest()
                        ? r.forge().pullRequest() : null, "pr_url", r.forge().pullRequestUrl(),
                "head", r.forge().head(), "heal_rounds", r.forge().healRounds(),
                "merge_commit", r.forge().mergeCommit(), "actions", r.state().takesSignals() ? ACTIONS : List.of());
    }

    /** "tests ok; coverage FAILED" → [{gate, passed}]. */
    static List<Map<String, Object>> gates(String summary) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (summary == null) {
            return out;
        }
        for (String part : summary.split(";")) {
            String p = part.strip();
            int space = p.lastIndexOf(' ');
            if (space > 0) {
                out.add(WireShapes.obj("gate", p.substring(0, space), "passed", p.substring(space + 1).equals("ok")));
            }
        }
        return out;
    }

    private static Map<String, Object> turn(LoopTurn t) {
        return WireShapes.obj("iteration", t.iteration(), "started_at", t.startedAt(), "action", t.action(),
                "gates", gates(t.gates()), "gates_passed", t.gatesPassed(), "agent_ms", t.agentMillis(),
                "gate_ms", t.gateMillis(), "overhead_ms", t.overheadMillis(), "input_tokens", t.inputTokens(),
                "output_tokens", t.outputTokens(), "cost_usd", WireShapes.round(t.costUsd(), 4));
    }

    private static int limit(String raw) {
        if (raw == null || raw.isBlank()) {
            return 50;
        }
        try {
            int n = Integer.parseInt(raw.strip());
            if (n < 1 || n > 500) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw Problem.invalid("limit", "limit must be a whole number from 1 to 500");
        }
    }
}

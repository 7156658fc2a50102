package dev.voxloop.server.http.intake;

import dev.voxloop.core.idempotency.IdempotencyKeys;
import dev.voxloop.core.intake.DraftEdits;
import dev.voxloop.core.intake.Intake;
import dev.voxloop.core.problem.Problem;
import dev.voxloop.server.json.JsonBody;
import dev.voxloop.server.json.WireShapes;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.time.Clock;
import java.util.Set;

/**
 * The SEJFA voice pipeline endpoints (transcribe, extract, run, run/audio, clarify, approve, discard) plus
 * ours: the person's check of an unsure transcript (confirm) and the session state. Each maps straight onto
 * {@link Intake}; the shapes live in {@link WireShapes}.
 */
public final class IntakeRoutes {

    private static final Set<String> OVERRIDE_FIELDS = Set.of("summary", "description", "acceptance_criteria",
            "issue_type", "priority", "labels", "project", "parent");

    private final Intake intake;
    private final JsonBody body;
    private final AudioUploads uploads;
    private final IdempotentRuns runs;

    public IntakeRoutes(Intake intake, JsonBody body, long maxUploadBytes, IdempotencyKeys keys, Clock clock) {
        this.intake = intake;
        this.runs = new IdempotentRuns(intake, keys, clock);
        this.body = body;
        this.uploads = new AudioUploads(maxUploadBytes);
    }

    public void register(JavalinDefaultRoutingApi routes) {
        routes.post("/api/transcribe", this::transcribe);
        routes.post("/api/extract", this::extract);
        routes.post("/api/pipeline/run", this::run);
        routes.post("/api/pipeline/run/audio", this::runAudio);
        routes.post("/api/pipeline/confirm", this::confirm);
        routes.post("/api/pipeline/clarify", this::clarify);
        routes.post("/api/pipeline/approve", this::approve);
        routes.post("/api/pipeline/discard", this::discard);
        routes.get("/api/pipeline/sessions/{id}", this::session);
    }

    private void transcribe(Context ctx) {
        ctx.json(WireShapes.transcript(intake.transcribe(uploads.read(ctx))));
    }

    private void extract(Context ctx) {
        ctx.json(WireShapes.extraction(intake.understand(body.read(ctx, IntakeRequests.Text.class).text())));
    }

    private void run(Context ctx) {
        String key = ctx.header(IdempotentRuns.HEADER);
        String text = body.read(ctx, IntakeRequests.Text.class).text();
        IntakeRequests.TEXT.require(text); // before the key is claimed: a missing text is a 400, never a 500
        ctx.json(WireShapes.outcome(key == null ? intake.submitText(text, false)
                : runs.run(IdempotentRuns.requireKey(key), text)));
    }

    private void runAudio(Context ctx) {
        String key = ctx.header(IdempotentRuns.HEADER);
        var audio = uploads.read(ctx);
        ctx.json(WireShapes.outcome(key == null ? intake.submitAudio(audio)
                : runs.runAudio(IdempotentRuns.requireKey(key), audio)));
    }

    private void confirm(Context ctx) {
        IntakeRequests.Confirm req = body.read(ctx, IntakeRequests.Confirm.class);
        IntakeRequests.TEXT.optional(req.text()); // shape and length first, whatever state the session is in
        ctx.json(WireShapes.outcome(intake.confirm(requireSession(req.sessionId()), req.text())));
    }

    private void clarify(Context ctx) {
        IntakeRequests.Clarify req = body.read(ctx, IntakeRequests.Clarify.class);
        String id = requireSession(req.sessionId());
        if (req.round() != null && (req.round() < 1 || req.round() > IntakeRequests.MAX_ROUND)) {
            throw Problem.invalid("round", "round must be a whole number from 1 to " + IntakeRequests.MAX_ROUND);
        }
        ctx.json(WireShapes.outcome(req.round() == null ? intake.clarify(id, req.text())
                : intake.clarify(id, req.text(), req.round())));
    }

    private void approve(Context ctx) {
        IntakeRequests.Approve req = body.read(ctx, IntakeRequests.Approve.class);
        String id = requireSession(req.sessionId());
        DraftEdits edits = req.overrides() == null ? DraftEdits.none() : req.overrides().toEdits();
        try {
            ctx.json(WireShapes.outcome(intake.approve(id, edits)));
        } catch (Problem p) {
            throw req.overrides() == null ? p : inOverrides(p);
        }
    }

    /** The intake names a draft field ({@code summary}); on the wire the person set it in {@code overrides}. */
    private static Problem inOverrides(Problem p) {
        if (p.kind() != Problem.Kind.INVALID || !OVERRIDE_FIELDS.contains(p.field())) {
            return p;
        }
        String field = "overrides." + p.field();
        return new Problem(p.kind(), p.getMessage().replaceFirst("^" + p.field() + "\\b", field), field, p);
    }

    private void discard(Context ctx) {
        IntakeRequests.Discard req = body.read(ctx, IntakeRequests.Discard.class);
        ctx.json(WireShapes.outcome(intake.discard(requireSession(req.sessionId()))));
    }

    private void session(Context ctx) {
        String id = ctx.pathParam("id");
        if (id.length() > IntakeRequests.SESSION_ID.maxCodePoints()) {
            throw Problem.notFound("Session not found");
        }
        ctx.json(WireShapes.session(intake.find(id)
                .orElseThrow(() -> Problem.notFound("Session not found: " + id))));
    }

    private static String requireSession(String id) {
        return IntakeRequests.SESSION_ID.require(id);
    }
}

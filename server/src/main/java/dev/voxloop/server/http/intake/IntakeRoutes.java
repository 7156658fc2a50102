package dev.voxloop.server.http.intake;

import dev.voxloop.core.intake.DraftEdits;
import dev.voxloop.core.intake.Intake;
import dev.voxloop.core.problem.Problem;
import dev.voxloop.server.json.JsonBody;
import dev.voxloop.server.json.WireShapes;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;

/**
 * The original's voice pipeline endpoints (transcribe, extract, run, run/audio, clarify, approve, discard) plus
 * the session state. Each maps straight onto {@link Intake}; the shapes live in {@link WireShapes}.
 */
public final class IntakeRoutes {

    private final Intake intake;
    private final JsonBody body;
    private final AudioUploads uploads;

    public IntakeRoutes(Intake intake, JsonBody body, long maxUploadBytes) {
        this.intake = intake;
        this.body = body;
        this.uploads = new AudioUploads(maxUploadBytes);
    }

    public void register(JavalinDefaultRoutingApi routes) {
        routes.post("/api/transcribe", this::transcribe);
        routes.post("/api/extract", this::extract);
        routes.post("/api/pipeline/run", this::run);
        routes.post("/api/pipeline/run/audio", this::runAudio);
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
        ctx.json(WireShapes.outcome(intake.submitText(body.read(ctx, IntakeRequests.Text.class).text(), false)));
    }

    private void runAudio(Context ctx) {
        ctx.json(WireShapes.outcome(intake.submitAudio(uploads.read(ctx))));
    }

    private void clarify(Context ctx) {
        IntakeRequests.Clarify req = body.read(ctx, IntakeRequests.Clarify.class);
        ctx.json(WireShapes.outcome(intake.clarify(requireSession(req.sessionId()), req.text())));
    }

    private void approve(Context ctx) {
        IntakeRequests.Approve req = body.read(ctx, IntakeRequests.Approve.class);
        DraftEdits edits = req.overrides() == null ? DraftEdits.none() : req.overrides().toEdits();
        ctx.json(WireShapes.outcome(intake.approve(requireSession(req.sessionId()), edits)));
    }

    private void discard(Context ctx) {
        IntakeRequests.Discard req = body.read(ctx, IntakeRequests.Discard.class);
        ctx.json(WireShapes.outcome(intake.discard(requireSession(req.sessionId()))));
    }

    private void session(Context ctx) {
        String id = ctx.pathParam("id");
        ctx.json(WireShapes.session(intake.find(id)
                .orElseThrow(() -> Problem.notFound("Session not found: " + id))));
    }

    private static String requireSession(String id) {
        if (id == null || id.isBlank()) {
            throw Problem.invalid("session_id", "session_id is required");
        }
        return id.strip();
    }
}

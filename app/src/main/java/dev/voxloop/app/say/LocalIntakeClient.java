package dev.voxloop.app.say;

import dev.voxloop.core.audio.AudioUpload;
import dev.voxloop.core.intake.DraftEdits;
import dev.voxloop.core.intake.HeardTranscript;
import dev.voxloop.core.intake.Intake;
import dev.voxloop.core.intake.IntakeOutcome;
import dev.voxloop.core.intake.IntakeSession;
import dev.voxloop.core.intent.TicketDraft;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The intake in this process (no server is running on the data directory). A filed ticket gets no link: its page
 * exists only while a server runs.
 */
public final class LocalIntakeClient implements IntakeClient {

    private final Intake intake;

    public LocalIntakeClient(Intake intake) {
        this.intake = intake;
    }

    @Override
    public SayStep submitText(String text) {
        return step(intake.submitText(text, false));
    }

    @Override
    public SayStep submitAudio(Path file) throws IOException {
        return step(intake.submitAudio(new AudioUpload(Files.readAllBytes(file), file.getFileName().toString(), null)));
    }

    @Override
    public SayStep clarify(String sessionId, String answer) {
        return step(intake.clarify(sessionId, answer));
    }

    @Override
    public SayStep confirm(String sessionId, String corrected) {
        return step(intake.confirm(sessionId, corrected));
    }

    @Override
    public SayStep proceedUnchecked(String sessionId) {
        return step(intake.proceedUnchecked(sessionId));
    }

    @Override
    public SayStep approve(String sessionId) {
        return step(intake.approve(sessionId, DraftEdits.none()));
    }

    @Override
    public SayStep discard(String sessionId) {
        return step(intake.discard(sessionId));
    }

    @Override
    public String where() {
        return "this process (no server running)";
    }

    static SayStep step(IntakeOutcome outcome) {
        IntakeSession s = outcome.session();
        return switch (outcome) {
            case IntakeOutcome.NeedsConfirmation c -> new SayStep.Confirm(s.id(), s.conversation(), s.heard().text(),
                    s.heard().confidence());
            case IntakeOutcome.NeedsClarification c -> new SayStep.Question(s.id(), s.conversation(),
                    c.clarification().question(), c.clarification().choices());
            case IntakeOutcome.NeedsApproval a -> new SayStep.Preview(s.id(), s.conversation(), readBack(s));
            case IntakeOutcome.Filed f -> new SayStep.Filed(s.id(), s.conversation(), s.ticketKey(),
                    s.draft() == null ? "" : s.draft().summary(), null, f.queued(), f.notes());
            case IntakeOutcome.Discarded d -> new SayStep.Discarded(s.id(), s.conversation());
        };
    }

    private static SayStep.ReadBack readBack(IntakeSession s) {
        TicketDraft d = s.draft();
        return new SayStep.ReadBack(s.heard() == null ? null : s.heard().text() + heardNote(s.heard()), d.projectKey(), d.issueType() == null ? null : d.issueType().label(),
                d.priority() == null ? null : d.priority().label(), d.summary(), d.acceptanceCriteria(), s.gaps(),
                s.extraction().flags(), s.extraction().duplicates());
    }

    private static String heardNote(HeardTranscript h) {
        String sure = h.confidence() == null ? "" : String.format(Locale.ROOT, "%.0f %% sure", 100 * h.confidence());
        return switch (h.confirmation()) {
            case CORRECTED -> "  (corrected by you" + (sure.isEmpty() ? "" : "; the engine was " + sure) + ")";
            case AS_HEARD -> "  (confirmed by you" + (sure.isEmpty() ? "" : "; the engine was " + sure) + ")";
            case UNCHECKED -> "  (not checked" + (sure.isEmpty() ? "" : "; the engine was " + sure) + ")";
            default -> sure.isEmpty() ? "" : "  (" + sure + ")";
        };
    }
}

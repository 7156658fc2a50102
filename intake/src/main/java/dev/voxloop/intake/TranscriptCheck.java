package dev.voxloop.intake;

import dev.voxloop.core.event.EventBus;
import dev.voxloop.core.event.PipelineEvent;
import dev.voxloop.core.event.Stage;
import dev.voxloop.core.intake.HeardTranscript;
import dev.voxloop.core.intake.IntakeOutcome;
import dev.voxloop.core.intake.IntakeSession;
import dev.voxloop.core.intake.IntakeState;
import dev.voxloop.core.problem.Problem;
import dev.voxloop.core.transcript.Transcript;
import java.time.Instant;
import java.util.Locale;

/**
 * The person's check of what the speech engine heard. A transcript the engine is less sure of than
 * {@code pipeline.confirm_below} is stored and the intake waits in CONFIRMING: the person confirms the words or
 * sends the right ones, and only then is anything extracted. Words the engine was sure enough of go straight on,
 * with the engine's confidence kept as the ceiling of the draft's ({@link HeardConfidence}). Callers hold the
 * session's lock.
 */
final class TranscriptCheck {

    private final IntakeSteps steps;
    private final EventBus events;
    private final IntakeSettings settings;

    TranscriptCheck(IntakeSteps steps, EventBus events, IntakeSettings settings) {
        this.steps = steps;
        this.events = events;
        this.settings = settings;
    }

    /** TRANSCRIBING → CONFIRMING when the engine is unsure of {@code t}, else on to extraction. */
    IntakeOutcome heard(IntakeSession transcribing, Transcript t) {
        boolean ask = t.confidence() != null && t.confidence() < settings.confirmBelow();
        IntakeSession s = transcribing.withText(t.text()).withHeard(HeardTranscript.of(t,
                ask ? HeardTranscript.Confirmation.PENDING : HeardTranscript.Confirmation.NOT_ASKED));
        if (!ask) {
            return steps.extract(steps.save(s));
        }
        Instant expires = steps.now().plus(settings.clarifyTimeout());
        s = steps.save(s.moveTo(IntakeState.CONFIRMING, steps.now()).awaitingConfirmation(expires));
        // the status monitor's nodes are the original's: a question to the person is "clarifying" there
        steps.stage(s.id(), Stage.CLARIFYING, String.format(Locale.ROOT,
                "Did I hear that right? \"%s\" (the speech engine is %.0f %% sure)", t.text(), 100 * t.confidence()));
        events.publish(new PipelineEvent.TranscriptConfirmationNeeded(steps.now(), s.id(), t.text(), t.confidence(),
                t.engine(), settings.confirmBelow(), expires));
        return new IntakeOutcome.NeedsConfirmation(s);
    }

    /** CONFIRMING → EXTRACTING on the words as heard (blank {@code corrected}) or as the person corrected them. */
    IntakeOutcome confirm(IntakeSession s, String corrected) {
        requireWaiting(s);
        String text = corrected == null || corrected.isBlank() ? s.text()
                : IntakeInput.requireText(corrected, "text");
        boolean changed = !text.equals(s.heard().text());
        IntakeSession checked = steps.save(s.withText(text).withHeard(s.heard().confirmed(changed))
                .moveTo(IntakeState.EXTRACTING, steps.now()));
        events.publish(new PipelineEvent.TranscriptConfirmed(steps.now(), s.id(), text, changed));
        return steps.extract(checked);
    }

    /** CONFIRMING → EXTRACTING on the words as heard, nobody having read them: the engine's doubt stays the cap. */
    IntakeOutcome proceedUnchecked(IntakeSession s) {
        requireWaiting(s);
        return steps.extract(steps.save(s.withHeard(s.heard().unchecked()).moveTo(IntakeState.EXTRACTING,
                steps.now())));
    }

    private static void requireWaiting(IntakeSession s) {
        if (s.state() != IntakeState.CONFIRMING) {
            throw Problem.conflict("session " + s.id() + " is not waiting for a transcript check (it is "
                    + s.state().name().toLowerCase(Locale.ROOT) + ")");
        }
    }
}

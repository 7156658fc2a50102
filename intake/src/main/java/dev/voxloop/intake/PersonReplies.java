package dev.voxloop.intake;

import dev.voxloop.core.event.EventBus;
import dev.voxloop.core.event.PipelineEvent;
import dev.voxloop.core.event.Stage;
import dev.voxloop.core.intake.DraftEdits;
import dev.voxloop.core.intake.IntakeOutcome;
import dev.voxloop.core.intake.IntakeSession;
import dev.voxloop.core.intake.IntakeState;
import dev.voxloop.core.intent.TicketDraft;
import dev.voxloop.core.problem.Problem;
import dev.voxloop.core.ticket.TicketTracker;
import java.util.Locale;

/**
 * What the person says back to the intake once it has asked something: the answer to a clarification question,
 * the approval of the read-back (with edits) that files the ticket, or discarding the session. Each checks that the
 * session is waiting for that reply (a conflict otherwise) and saves the move before going on. The caller holds
 * the session's lock.
 */
final class PersonReplies {

    private final IntakeSteps steps;
    private final TicketTracker tracker;
    private final EventBus events;

    PersonReplies(IntakeSteps steps, TicketTracker tracker, EventBus events) {
        this.steps = steps;
        this.tracker = tracker;
        this.events = events;
    }

    /** The answer {@code clean} to question {@code round} (null: whichever is open), then extraction again. */
    IntakeOutcome answer(IntakeSession s, String clean, Integer round) {
        String id = s.id();
        if (s.state() != IntakeState.CLARIFYING) {
            throw Problem.conflict("session " + id + " is not waiting for an answer (it is " + named(s) + ")");
        }
        int open = s.pending() == null ? s.round() : s.pending().round();
        if (round != null && round != open) {
            throw Problem.conflict("round " + round + " of session " + id + (round < open ? " was already "
                    + "answered" : " has not been asked") + "; the open question is round " + open);
        }
        // the answer and the move to EXTRACTING are one save: another server on the same database then sees
        // a session no longer waiting for an answer (409) instead of an open round it would answer again, and
        // a crash right after leaves an EXTRACTING session that start-up resumes
        return steps.extract(steps.save(s.answered(clean).moveTo(IntakeState.EXTRACTING, steps.now())));
    }

    /** Approving twice, or after a crash mid-creation, files once: CREATED answers as filed, CREATING retries. */
    IntakeOutcome approve(IntakeSession s, DraftEdits edits) {
        return switch (s.state()) {
            case CREATED -> new IntakeOutcome.Filed(s, false);
            case CREATING -> steps.file(s);
            case PREVIEWING -> {
                TicketDraft edited = PreviewEdits.apply(edits == null ? DraftEdits.none() : edits, s.draft(),
                        tracker.projects(), key -> tracker.find(key).isPresent());
                IntakeSession updated = s.withExtraction(ProjectResolution.withDraft(s.extraction(), edited));
                IntakeInput.requireFileable(edited);
                yield steps.file(steps.save(updated.moveTo(IntakeState.CREATING, steps.now())));
            }
            default -> throw Problem.conflict("session " + s.id() + " has no draft to approve (it is " + named(s)
                    + ")");
        };
    }

    /** Discarding twice answers the same; a session past the point of discarding is a conflict. */
    IntakeOutcome discard(IntakeSession s) {
        String id = s.id();
        if (s.state() == IntakeState.DISCARDED) {
            return new IntakeOutcome.Discarded(s);
        }
        if (!s.state().canMoveTo(IntakeState.DISCARDED)) {
            throw Problem.conflict("session " + id + " cannot be discarded (it is " + named(s) + ")");
        }
        IntakeSession d = steps.save(s.moveTo(IntakeState.DISCARDED, steps.now()));
        steps.stage(id, Stage.DONE, "Pipeline discarded by user.");
        events.publish(new PipelineEvent.IntakeEnded(steps.now(), id, IntakeState.DISCARDED, "discarded by user"));
        return new IntakeOutcome.Discarded(d);
    }

    private static String named(IntakeSession s) {
        return s.state().name().toLowerCase(Locale.ROOT);
    }
}

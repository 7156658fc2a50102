package dev.voxloop.core.intake;

import dev.voxloop.core.intent.Clarification;
import java.util.List;

/** What a client hears back after each intake step. */
public sealed interface IntakeOutcome {

    IntakeSession session();

    /**
     * The speech engine is unsure of what it heard: the person confirms the words or sends the right ones before
     * anything is extracted ({@link IntakeSession#heard()} holds the words and the engine's confidence).
     */
    record NeedsConfirmation(IntakeSession session) implements IntakeOutcome {
    }

    /** The person must answer a question. */
    record NeedsClarification(IntakeSession session, Clarification clarification) implements IntakeOutcome {
    }

    /** The draft is ready for the read-back: approve, edit or discard. */
    record NeedsApproval(IntakeSession session) implements IntakeOutcome {
    }

    /**
     * The ticket exists (possibly created on an earlier attempt with the same intake id).
     *
     * @param notes what the tracker did differently from the approved draft (a field added after creation by an
     *              edit or a comment), for the person; empty when filed as approved or answered from the record
     */
    record Filed(IntakeSession session, boolean queued, List<String> notes) implements IntakeOutcome {

        public Filed {
            notes = notes == null ? List.of() : List.copyOf(notes);
        }

        public Filed(IntakeSession session, boolean queued) {
            this(session, queued, List.of());
        }
    }

    /** The person discarded it. */
    record Discarded(IntakeSession session) implements IntakeOutcome {
    }
}

package dev.voxloop.core.intake;

import dev.voxloop.core.intent.Clarification;

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

    /** The ticket exists (possibly created on an earlier attempt with the same intake id). */
    record Filed(IntakeSession session, boolean queued) implements IntakeOutcome {
    }

    /** The person discarded it. */
    record Discarded(IntakeSession session) implements IntakeOutcome {
    }
}

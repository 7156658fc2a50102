package dev.voxloop.core.intake;

import dev.voxloop.core.transcript.Hypothesis;
import dev.voxloop.core.transcript.Transcript;
import java.util.List;

/**
 * What the speech engine heard for a spoken request, how sure it was, and whether the person has checked the
 * words. Stored with the intake session, so the engine's doubt outlives a restart and every clarification round:
 * a draft made from words nobody checked is never surer than the engine was of them.
 *
 * @param text         the words as the engine heard them (the session's text may be the person's correction)
 * @param confidence   the engine's confidence, 0..1, or null when the engine gives none
 * @param engine       the engine's name
 * @param confirmation where the person's check stands
 * @param hypotheses   the engine's N best readings of the words, best (the text) first, weights summing to 1;
 *                     empty when the engine gives one reading, and once the person confirmed or corrected the
 *                     words (they are then the person's own, not one reading among others)
 */
public record HeardTranscript(String text, Double confidence, String engine, Confirmation confirmation,
                              List<Hypothesis> hypotheses) {

    /** The person's check of the heard words. */
    public enum Confirmation {
        /** The engine was sure enough: nobody was asked. */
        NOT_ASKED,
        /** The intake waits for the person to confirm or correct the words. */
        PENDING,
        /** The person said the words are right. */
        AS_HEARD,
        /** The person replaced the words with their own. */
        CORRECTED,
        /** Taken as heard without anyone reading them (a script's choice): the engine's doubt still caps the draft. */
        UNCHECKED
    }

    public HeardTranscript {
        text = text == null ? "" : text;
        confirmation = confirmation == null ? Confirmation.NOT_ASKED : confirmation;
        hypotheses = hypotheses == null ? List.of() : List.copyOf(hypotheses);
        if (confidence != null && (confidence.isNaN() || confidence < 0 || confidence > 1)) {
            throw new IllegalArgumentException("confidence must be between 0 and 1, got " + confidence);
        }
    }

    /** Heard words with no other readings. */
    public HeardTranscript(String text, Double confidence, String engine, Confirmation confirmation) {
        this(text, confidence, engine, confirmation, List.of());
    }

    public static HeardTranscript of(Transcript t, Confirmation confirmation) {
        return new HeardTranscript(t.text(), t.confidence(), t.engine(), confirmation, t.hypotheses());
    }

    /** The readings an extractor may weigh: the engine's N best while nobody vouched for the words, else none. */
    public List<Hypothesis> readings() {
        return vouched() ? List.of() : hypotheses;
    }

    /** The person has read the words and stands behind them (as heard or corrected). */
    public boolean vouched() {
        return confirmation == Confirmation.AS_HEARD || confirmation == Confirmation.CORRECTED;
    }

    /**
     * The ceiling for the draft's field confidences: the engine's confidence while nobody has checked the words,
     * null (no ceiling) when the engine gives none or the person vouched for them.
     */
    public Double cap() {
        return vouched() ? null : confidence;
    }

    public HeardTranscript unchecked() {
        return new HeardTranscript(text, confidence, engine, Confirmation.UNCHECKED, hypotheses);
    }

    public HeardTranscript confirmed(boolean corrected) {
        return new HeardTranscript(text, confidence, engine, corrected ? Confirmation.CORRECTED
                : Confirmation.AS_HEARD, List.of());
    }
}

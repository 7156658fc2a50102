package dev.voxloop.core.intake;

import dev.voxloop.core.audio.AudioUpload;
import dev.voxloop.core.intent.Extraction;
import dev.voxloop.core.transcript.Transcript;
import java.util.Optional;

/**
 * Inbound port: what a client (the HTTP API, the CLI) can ask of the intake. Implemented by the {@code intake}
 * module's state machine and wired in by the app, so the server depends on core only.
 *
 * <p>Every method either returns what the person hears next or throws a {@link dev.voxloop.core.problem.Problem}
 * whose kind says what went wrong (invalid input, unknown session, a session in the wrong state, ...).
 */
public interface Intake {

    /** Start an intake from typed (or already transcribed) text. */
    IntakeOutcome submitText(String text, boolean spoken);

    /**
     * As {@link #submitText(String, boolean)}, with the session id chosen by the caller ({@link IntakeIds#next()}),
     * so a caller that recorded the id first (an idempotency key) can find the session again after a retry.
     */
    IntakeOutcome submitText(String text, boolean spoken, String id);

    /** Start an intake from a recording: transcribe it, then as {@link #submitText}. */
    IntakeOutcome submitAudio(AudioUpload audio);

    /** As {@link #submitAudio(AudioUpload)}, with the session id chosen by the caller (an idempotency key's). */
    IntakeOutcome submitAudio(AudioUpload audio, String id);

    /**
     * The person's check of what the speech engine heard in session {@code id} (waiting in CONFIRMING): null or
     * blank {@code correctedText} confirms the words as heard, anything else replaces them. Extraction then runs on
     * the confirmed words.
     */
    IntakeOutcome confirm(String id, String correctedText);

    /**
     * Goes on with the words of session {@code id} (waiting in CONFIRMING) as heard, without anyone having read
     * them (a script filing recordings): the engine's doubt still caps the draft and keeps it for the read-back.
     */
    IntakeOutcome proceedUnchecked(String id);

    /**
     * The person's answer to the open question of session {@code id}, whichever round that is (the form the
     * existing voice clients send; a client that may send twice names the round instead).
     */
    IntakeOutcome clarify(String id, String answer);

    /**
     * The person's answer to question {@code round} of session {@code id}; a conflict when that round is no longer
     * the open one (a duplicate, a stale screen), so one answer fills one round.
     */
    IntakeOutcome clarify(String id, String answer, int round);

    /** Approve the read-back preview of session {@code id}, with the person's edits applied first. */
    IntakeOutcome approve(String id, DraftEdits edits);

    /** Drop session {@code id}; discarding twice is not an error. */
    IntakeOutcome discard(String id);

    Optional<IntakeSession> find(String id);

    /** Transcribe without starting an intake (nothing is stored). */
    Transcript transcribe(AudioUpload audio);

    /** Extract a draft without starting an intake (same extractor and project resolution, nothing stored). */
    Extraction understand(String text);
}

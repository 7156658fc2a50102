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

    /** Start an intake from a recording: transcribe it, then as {@link #submitText}. */
    IntakeOutcome submitAudio(AudioUpload audio);

    /** The person's answer to the open question of session {@code id}. */
    IntakeOutcome clarify(String id, String answer);

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

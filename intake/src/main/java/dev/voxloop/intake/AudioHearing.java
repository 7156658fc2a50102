package dev.voxloop.intake;

import dev.voxloop.core.audio.AudioUpload;
import dev.voxloop.core.event.EventBus;
import dev.voxloop.core.event.PipelineEvent;
import dev.voxloop.core.event.Stage;
import dev.voxloop.core.intake.IntakeOutcome;
import dev.voxloop.core.intake.IntakeSession;
import dev.voxloop.core.intake.IntakeState;
import dev.voxloop.core.problem.Problem;
import dev.voxloop.core.transcript.SpeechToText;
import dev.voxloop.core.transcript.Transcript;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A recorded request heard: the session moves RECEIVED → TRANSCRIBING, the speech engine writes the transcript,
 * and {@link TranscriptCheck} decides whether the person must confirm it before extraction. A failed
 * transcription fails the session (saved) before the caller hears of it.
 */
final class AudioHearing {

    private static final Logger LOG = LoggerFactory.getLogger(AudioHearing.class);

    private final SpeechToText speech;
    private final IntakeSteps steps;
    private final TranscriptCheck check;
    private final EventBus events;

    /** @param speech may be null when no speech engine is installed: audio is then refused as unavailable */
    AudioHearing(SpeechToText speech, IntakeSteps steps, TranscriptCheck check, EventBus events) {
        this.speech = speech;
        this.steps = steps;
        this.check = check;
        this.events = events;
    }

    /** Transcribes {@code audio} for the new session {@code s} (just inserted, RECEIVED). */
    IntakeOutcome hear(IntakeSession s, AudioUpload audio) {
        SpeechToText engine = requireSpeech();
        steps.stage(s.id(), Stage.RECORDING, "Audio received: " + audio.displayName());
        IntakeSession cur = steps.save(s.moveTo(IntakeState.TRANSCRIBING, steps.now()));
        steps.stage(s.id(), Stage.TRANSCRIBING, "Transcribing with " + engine.name() + "…");
        Transcript t;
        try {
            t = engine.transcribe(audio);
            IntakeInput.requireHeard(t);
        } catch (Problem p) {
            steps.fail(cur, p.getMessage());
            throw p;
        } catch (RuntimeException e) {
            LOG.warn("transcription failed for intake {}", s.id(), e);
            steps.fail(cur, "Transcription failed: " + e.getMessage());
            throw new Problem(Problem.Kind.UNPROCESSABLE, "Transcription failed; please try again", null, e);
        }
        events.publish(new PipelineEvent.Transcribed(steps.now(), s.id(), t.engine(), t.audioSeconds(),
                t.decodeSeconds(), t.text()));
        return check.heard(cur, t);
    }

    /** A transcript of {@code audio} alone, no session. */
    Transcript transcribe(AudioUpload audio) {
        return requireSpeech().transcribe(audio);
    }

    /** The speech engine, or unavailable (before anything is stored) when none is installed. */
    SpeechToText requireSpeech() {
        if (speech == null) {
            throw Problem.unavailable("No speech engine is installed yet; send text to /api/pipeline/run instead");
        }
        return speech;
    }
}

package dev.voxloop.core.transcript;

import dev.voxloop.core.audio.AudioUpload;

/**
 * Port: audio in, transcript out. Implementations decode the upload themselves and throw
 * {@link dev.voxloop.core.problem.Problem} for bad audio (empty, corrupt, unsupported, too long, silent)
 * or an unavailable engine.
 */
public interface SpeechToText {

    /** Engine name as configured ("offline", "whisper", "openai", "remote"). */
    String name();

    Transcript transcribe(AudioUpload audio);

    /** One line for a person: which recogniser this is and what accuracy to expect from it. */
    default String description() {
        return name();
    }

    /** True when the engine can take requests now (model loaded, peer reachable). */
    default boolean ready() {
        return true;
    }

    /** Loading, ready, degraded (rebuilding after a failure) or failed, with a line for a person. */
    default EngineStatus status() {
        return ready() ? new EngineStatus(EngineStatus.State.READY, "ready")
                : new EngineStatus(EngineStatus.State.LOADING, "loading");
    }
}

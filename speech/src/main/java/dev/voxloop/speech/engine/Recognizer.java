package dev.voxloop.speech.engine;

import dev.voxloop.speech.audio.SpeechAudio;

/**
 * One loaded recogniser (a model in memory, a child process, or an HTTP client). Used by one thread at a time;
 * the engine keeps a pool of them.
 */
public interface Recognizer extends AutoCloseable {

    /** @throws dev.voxloop.core.problem.Problem for failures a person should see (engine down, bad reply) */
    Heard recognize(SpeechAudio audio) throws Exception;

    /** Called after a timeout: the recogniser may be stuck and should reset (e.g. kill its child process). */
    default void abandon() {
    }

    @Override
    default void close() {
    }
}

package dev.voxloop.app;

import dev.voxloop.core.audio.AudioUpload;
import dev.voxloop.core.transcript.EngineStatus;
import dev.voxloop.core.transcript.SpeechToText;
import dev.voxloop.core.transcript.Transcript;
import dev.voxloop.speech.EngineChoice;

/** The configured speech engine, built on first use or on {@link Deferred#warm()}. */
final class DeferredSpeechToText implements SpeechToText {

    private final EngineChoice choice;
    private final Deferred<SpeechToText> engine;

    DeferredSpeechToText(EngineChoice choice, Deferred<SpeechToText> engine) {
        this.choice = choice;
        this.engine = engine;
    }

    @Override
    public String name() {
        return choice.name();
    }

    @Override
    public String description() {
        return choice.describe();
    }

    @Override
    public Transcript transcribe(AudioUpload audio) {
        return engine.get().transcribe(audio);
    }

    @Override
    public boolean ready() {
        return engine.built() && engine.get().ready();
    }

    @Override
    public EngineStatus status() {
        return engine.built() ? engine.get().status()
                : new EngineStatus(EngineStatus.State.LOADING, "loads on first use or when the server starts");
    }
}

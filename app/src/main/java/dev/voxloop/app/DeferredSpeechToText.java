package dev.voxloop.app;

import dev.voxloop.core.audio.AudioUpload;
import dev.voxloop.core.transcript.EngineStatus;
import dev.voxloop.core.transcript.SpeechToText;
import dev.voxloop.core.transcript.Transcript;

/** The configured speech engine, built on first use or on {@link Deferred#warm()}. */
final class DeferredSpeechToText implements SpeechToText {

    private final String name;
    private final Deferred<SpeechToText> engine;

    DeferredSpeechToText(String name, Deferred<SpeechToText> engine) {
        this.name = name;
        this.engine = engine;
    }

    @Override
    public String name() {
        return name;
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

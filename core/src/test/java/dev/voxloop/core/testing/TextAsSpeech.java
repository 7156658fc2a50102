package dev.voxloop.core.testing;

import dev.voxloop.core.audio.AudioUpload;
import dev.voxloop.core.transcript.SpeechToText;
import dev.voxloop.core.transcript.Transcript;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Test fixture: a "speech engine" that reads the uploaded bytes as UTF-8 text, so audio paths can be tested. */
public final class TextAsSpeech implements SpeechToText {

    @Override
    public String name() {
        return "text-as-speech";
    }

    @Override
    public Transcript transcribe(AudioUpload audio) {
        String text = new String(audio.bytes(), StandardCharsets.UTF_8);
        return new Transcript(text, "en", text.length() / 15.0, 0.001, name(), null, List.of());
    }
}

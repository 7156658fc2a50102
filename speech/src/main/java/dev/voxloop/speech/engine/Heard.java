package dev.voxloop.speech.engine;

import dev.voxloop.core.transcript.Transcript;
import java.util.List;

/** What a recogniser returned for one piece of audio, before the engine adds timing and its name. */
public record Heard(String text, String language, Double confidence, List<Transcript.Segment> segments) {

    public Heard {
        text = text == null ? "" : text.strip();
        segments = segments == null ? List.of() : List.copyOf(segments);
    }

    public static Heard text(String text) {
        return new Heard(text, "en", null, List.of());
    }
}

package dev.voxloop.speech.engine;

import dev.voxloop.core.transcript.Hypothesis;
import dev.voxloop.core.transcript.Transcript;
import java.util.List;

/**
 * What a recogniser returned for one piece of audio, before the engine adds timing and its name.
 *
 * @param hypotheses the recogniser's N best readings, best first, weights summing to 1; empty when it gives one
 */
public record Heard(String text, String language, Double confidence, List<Transcript.Segment> segments,
                    List<Hypothesis> hypotheses) {

    public Heard {
        text = text == null ? "" : text.strip();
        segments = segments == null ? List.of() : List.copyOf(segments);
        hypotheses = hypotheses == null ? List.of() : List.copyOf(hypotheses);
    }

    public Heard(String text, String language, Double confidence, List<Transcript.Segment> segments) {
        this(text, language, confidence, segments, List.of());
    }

    public static Heard text(String text) {
        return new Heard(text, "en", null, List.of());
    }
}

package dev.voxloop.core.transcript;

import java.util.List;

/**
 * What an engine heard.
 *
 * @param text          the words, trimmed; may be empty when nothing was understood
 * @param language      ISO code or "unknown"
 * @param audioSeconds  length of the audio after decoding
 * @param decodeSeconds wall time the engine took
 * @param engine        engine name ("offline", "whisper", "openai", "remote")
 * @param confidence    0..1 where the engine gives one, else null
 * @param segments      per-segment timing where the engine gives it, else empty
 * @param hypotheses    the engine's N best readings, best (the text) first, weights summing to 1; empty when the
 *                      engine gives only one
 */
public record Transcript(String text, String language, double audioSeconds, double decodeSeconds, String engine,
                         Double confidence, List<Segment> segments, List<Hypothesis> hypotheses) {

    public Transcript {
        text = text == null ? "" : text.strip();
        language = language == null ? "unknown" : language;
        segments = segments == null ? List.of() : List.copyOf(segments);
        hypotheses = hypotheses == null ? List.of() : List.copyOf(hypotheses);
    }

    /** A transcript with one reading only. */
    public Transcript(String text, String language, double audioSeconds, double decodeSeconds, String engine,
                      Double confidence, List<Segment> segments) {
        this(text, language, audioSeconds, decodeSeconds, engine, confidence, segments, List.of());
    }

    public record Segment(double startSeconds, double endSeconds, String text) {
    }

    public boolean isBlank() {
        return text.isBlank();
    }
}

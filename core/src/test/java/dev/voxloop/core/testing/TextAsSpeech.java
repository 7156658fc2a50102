package dev.voxloop.core.testing;

import dev.voxloop.core.audio.AudioUpload;
import dev.voxloop.core.transcript.Hypothesis;
import dev.voxloop.core.transcript.SpeechToText;
import dev.voxloop.core.transcript.Transcript;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Test fixture: a "speech engine" that reads the uploaded bytes as UTF-8 text, so audio paths can be tested. Text
 * that starts with {@code [confidence 0.45]} is heard with that confidence (else the engine gives none); lines
 * {@code [or 0.30] other words} after it are further readings of the recording with their weights (the text gets
 * what is left).
 */
public final class TextAsSpeech implements SpeechToText {

    private static final Pattern CONFIDENCE = Pattern.compile("^\\[confidence ([0-9.]+)]\\s*");
    private static final Pattern READING = Pattern.compile("\n\\[or ([0-9.]+)] ([^\n]*)");

    /** The bytes to upload for {@code text} heard with {@code confidence}. */
    public static byte[] heard(String text, double confidence) {
        return String.format(Locale.ROOT, "[confidence %.4f] %s", confidence, text).getBytes(StandardCharsets.UTF_8);
    }

    /** The bytes to upload for {@code text} heard with {@code confidence}, the engine also reading {@code others}. */
    public static byte[] heard(String text, double confidence, List<Hypothesis> others) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "[confidence %.4f] %s", confidence, text));
        others.forEach(h -> b.append(String.format(Locale.ROOT, "\n[or %.4f] %s", h.weight(), h.text())));
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String name() {
        return "text-as-speech";
    }

    @Override
    public Transcript transcribe(AudioUpload audio) {
        String text = new String(audio.bytes(), StandardCharsets.UTF_8);
        Double confidence = null;
        Matcher m = CONFIDENCE.matcher(text);
        if (m.find()) {
            confidence = Double.parseDouble(m.group(1));
            text = text.substring(m.end());
        }
        List<Hypothesis> readings = new ArrayList<>();
        Matcher r = READING.matcher(text);
        int end = text.length();
        double rest = 1;
        while (r.find()) {
            end = Math.min(end, r.start());
            readings.add(new Hypothesis(r.group(2), Double.parseDouble(r.group(1))));
            rest -= Double.parseDouble(r.group(1));
        }
        text = text.substring(0, end);
        if (!readings.isEmpty()) {
            readings.addFirst(new Hypothesis(text, Math.max(0, rest)));
        }
        return new Transcript(text, "en", text.length() / 15.0, 0.001, name(), confidence, List.of(), readings);
    }
}

package dev.voxloop.core.testing;

import dev.voxloop.core.audio.AudioUpload;
import dev.voxloop.core.transcript.SpeechToText;
import dev.voxloop.core.transcript.Transcript;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Test fixture: a "speech engine" that reads the uploaded bytes as UTF-8 text, so audio paths can be tested. Text
 * that starts with {@code [confidence 0.45]} is heard with that confidence (else the engine gives none).
 */
public final class TextAsSpeech implements SpeechToText {

    private static final Pattern CONFIDENCE = Pattern.compile("^\\[confidence ([0-9.]+)]\\s*");

    /** The bytes to upload for {@code text} heard with {@code confidence}. */
    public static byte[] heard(String text, double confidence) {
        return String.format(Locale.ROOT, "[confidence %.4f] %s", confidence, text).getBytes(StandardCharsets.UTF_8);
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
        return new Transcript(text, "en", text.length() / 15.0, 0.001, name(), confidence, List.of());
    }
}

package dev.voxloop.speech.engine.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.voxloop.core.problem.Problem;
import dev.voxloop.speech.audio.SpeechAudio;
import dev.voxloop.speech.engine.Heard;
import dev.voxloop.speech.engine.Recognizer;
import dev.voxloop.speech.engine.http.HttpTranscription;
import dev.voxloop.speech.engine.http.Multipart;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A SEJFA Whisper box: {@code POST {url}/api/transcribe} with multipart field {@code audio},
 * answering {@code {text, language, duration, confidence}}. An empty text is an error (the box answers one for silence or noise).
 */
public final class RemoteRecognizer implements Recognizer {

    private final URI endpoint;
    private final HttpTranscription http;
    private final ObjectMapper json = new ObjectMapper();

    public RemoteRecognizer(String baseUrl, Duration timeout) {
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new IllegalArgumentException("speech.remote.url (WHISPER_REMOTE_URL) is not set");
        }
        this.endpoint = URI.create(baseUrl.replaceAll("/+$", "") + "/api/transcribe");
        this.http = new HttpTranscription("remote", timeout);
    }

    @Override
    public Heard recognize(SpeechAudio audio) {
        Multipart body = new Multipart().file("audio", "audio.wav", "audio/wav", audio.wav());
        String reply = http.post(endpoint, body, Map.of());
        JsonNode n;
        try {
            n = json.readTree(reply);
        } catch (Exception e) {
            throw new Problem(Problem.Kind.UPSTREAM, "The remote speech server sent a reply that is not JSON", null, e);
        }
        if (n == null || !n.hasNonNull("text")) {
            throw new Problem(Problem.Kind.UPSTREAM, "The remote speech server's reply has no text", null);
        }
        Double confidence = n.hasNonNull("confidence") ? n.get("confidence").asDouble() : null;
        return new Heard(n.get("text").asText(), n.path("language").asText("unknown"), confidence, List.of());
    }
}

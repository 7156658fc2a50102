package dev.voxloop.speech.engine.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.voxloop.core.problem.Problem;
import dev.voxloop.core.transcript.Transcript;
import dev.voxloop.speech.audio.SpeechAudio;
import dev.voxloop.speech.engine.Heard;
import dev.voxloop.speech.engine.Recognizer;
import dev.voxloop.speech.engine.http.HttpTranscription;
import dev.voxloop.speech.engine.http.Multipart;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * OpenAI-compatible {@code POST {base}/audio/transcriptions} (OpenAI, whisper.cpp server, speaches, LocalAI):
 * multipart file (16 kHz mono WAV), model, language, prompt (the tracker's vocabulary, so project names come
 * out right) and response_format=verbose_json for segments.
 */
public final class OpenAiRecognizer implements Recognizer {

    /** OpenAI documents a 224-token prompt limit; stay well inside it. */
    static final int MAX_PROMPT_CHARS = 600;

    private final URI endpoint;
    private final String key;
    private final String model;
    private final String language;
    private final Supplier<List<String>> vocabulary;
    private final HttpTranscription http;
    private final ObjectMapper json = new ObjectMapper();

    public OpenAiRecognizer(String baseUrl, String key, String model, String language,
                            Supplier<List<String>> vocabulary, Duration timeout) {
        this.endpoint = URI.create(baseUrl.replaceAll("/+$", "") + "/audio/transcriptions");
        this.key = key == null ? "" : key;
        this.model = model;
        this.language = language;
        this.vocabulary = vocabulary;
        this.http = new HttpTranscription("openai", timeout);
    }

    @Override
    public Heard recognize(SpeechAudio audio) {
        Multipart body = new Multipart().file("file", "audio.wav", "audio/wav", audio.wav())
                .field("model", model).field("response_format", "verbose_json");
        if (language != null && !language.isBlank()) {
            body.field("language", language);
        }
        String prompt = prompt(vocabulary.get());
        if (!prompt.isEmpty()) {
            body.field("prompt", prompt);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        if (!key.isEmpty()) {
            headers.put("Authorization", "Bearer " + key);
        }
        return parse(http.post(endpoint, body, headers));
    }

    /** Vocabulary words, de-duplicated, as a comma-separated hint of bounded length. */
    static String prompt(List<String> words) {
        StringBuilder sb = new StringBuilder();
        for (String w : new java.util.LinkedHashSet<>(words)) {
            String clean = w.replaceAll("[\\p{Cntrl}]", " ").strip();
            if (clean.isEmpty() || sb.length() + clean.length() + 2 > MAX_PROMPT_CHARS) {
                continue;
            }
            sb.append(sb.isEmpty() ? "" : ", ").append(clean);
        }
        return sb.toString();
    }

    private Heard parse(String body) {
        JsonNode n;
        try {
            n = json.readTree(body);
        } catch (Exception e) {
            throw new Problem(Problem.Kind.UPSTREAM, "The openai speech server sent a reply that is not JSON", null, e);
        }
        if (n == null || !n.hasNonNull("text")) {
            throw new Problem(Problem.Kind.UPSTREAM, "The openai speech server's reply has no text", null);
        }
        List<Transcript.Segment> segments = new ArrayList<>();
        double logprob = 0;
        int counted = 0;
        for (JsonNode s : n.path("segments")) {
            segments.add(new Transcript.Segment(s.path("start").asDouble(), s.path("end").asDouble(),
                    s.path("text").asText("").strip()));
            if (s.has("avg_logprob")) {
                logprob += s.get("avg_logprob").asDouble();
                counted++;
            }
        }
        Double confidence = counted == 0 ? null : Math.exp(logprob / counted);
        String lang = n.path("language").asText(language);
        return new Heard(n.get("text").asText(), languageCode(lang), confidence, segments);
    }

    /** verbose_json reports the language as a name ("english"); keep ISO codes as they are. */
    static String languageCode(String lang) {
        if (lang == null || lang.isBlank()) {
            return "unknown";
        }
        return switch (lang.toLowerCase(java.util.Locale.ROOT)) {
            case "english" -> "en";
            case "swedish" -> "sv";
            case "german" -> "de";
            case "french" -> "fr";
            case "spanish" -> "es";
            default -> lang;
        };
    }
}

package dev.voxloop.intent;

import dev.voxloop.core.config.ConfigTree;
import dev.voxloop.core.config.Key;
import dev.voxloop.core.config.Settings;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** The intent module's settings ({@code intent.*} in voxloop.yaml), each key declared once on its component. */
public record IntentSettings(
        @Key(path = "intent.extractor", fallback = EMBEDDED, env = "VOXLOOP_INTENT_EXTRACTOR",
                doc = "Intent extractor: embedded (offline), rules (no model), ollama or openai")
        String extractor,
        @Key(path = "intent.fallback", fallback = "true", env = "VOXLOOP_INTENT_FALLBACK",
                doc = "Fall back to the embedded extractor when a remote model is down")
        boolean fallback,
        @Key(path = "intent.embedded.embeddings", fallback = "true", env = "VOXLOOP_INTENT_EMBEDDINGS",
                doc = "Use the bundled all-MiniLM-L6-v2 model for type and project when no explicit word decides")
        boolean embeddings,
        @Key(path = "intent.embedded.load_wait", fallback = "20s", env = "VOXLOOP_INTENT_LOAD_WAIT",
                doc = "How long the first extraction waits for the embedding model to load")
        Duration modelLoadWait,
        @Key(path = "intent.ollama")
        Ollama ollama,
        @Key(path = "intent.openai")
        OpenAi openai,
        @Key(path = "intent.ambiguity_threshold", fallback = "0.3",
                env = {"AMBIGUITY_THRESHOLD", "VOXLOOP_AMBIGUITY_THRESHOLD"},
                doc = "0..1: remote models are told to list questions when more unsure than this")
        double ambiguityThreshold,
        @Key(path = "intent.duplicates.threshold", fallback = "0.55", env = "VOXLOOP_DUPLICATE_THRESHOLD",
                doc = "0..1: an open ticket of the same project at least this alike (cosine of the bundled"
                        + " all-MiniLM-L6-v2 sentence embeddings) is named as a likely duplicate in the read-back; 1"
                        + " turns the hint off (it needs intent.embedded.embeddings)")
        double duplicateThreshold) {

    public static final String EMBEDDED = "embedded";
    public static final String RULES = "rules";
    public static final String OLLAMA = "ollama";
    public static final String OPENAI = "openai";
    public static final List<String> EXTRACTORS = List.of(EMBEDDED, RULES, OLLAMA, OPENAI);

    /** A local Ollama server. */
    public record Ollama(
            @Key(path = "url", fallback = "http://localhost:11434", env = {"OLLAMA_URL", "VOXLOOP_OLLAMA_URL"},
                    doc = "Ollama base URL")
            URI url,
            @Key(path = "model", fallback = "mistral:7b-instruct-q4_0", env = {"OLLAMA_MODEL", "VOXLOOP_OLLAMA_MODEL"},
                    doc = "Ollama model")
            String model,
            @Key(path = "timeout", fallback = "120s", env = {"OLLAMA_TIMEOUT", "VOXLOOP_OLLAMA_TIMEOUT"},
                    doc = "Whole-request timeout (a bare number is seconds)")
            Duration timeout,
            @Key(path = "keep_alive", fallback = "5m", env = {"OLLAMA_KEEP_ALIVE", "VOXLOOP_OLLAMA_KEEP_ALIVE"},
                    doc = "How long Ollama keeps the model loaded (0 unloads it at once)")
            String keepAlive,
            @Key(path = "num_predict", fallback = "1024", env = "VOXLOOP_OLLAMA_NUM_PREDICT",
                    doc = "Cap on generated tokens (small models in JSON mode can loop)")
            int numPredict) {

        public Ollama {
            positive("intent.ollama.num_predict", numPredict);
        }
    }

    /** An OpenAI-compatible chat server (OpenAI itself, vLLM, Ollama's /v1, ...). */
    public record OpenAi(
            @Key(path = "base_url", fallback = "https://api.openai.com/v1",
                    env = {"OPENAI_BASE_URL", "VOXLOOP_OPENAI_BASE_URL"},
                    doc = "OpenAI-compatible base URL, e.g. http://localhost:8000/v1 for vLLM or"
                            + " http://localhost:11434/v1 for Ollama")
            URI baseUrl,
            @Key(path = "api_key", secret = true, env = {"OPENAI_API_KEY", "VOXLOOP_OPENAI_API_KEY"},
                    doc = "API key for the OpenAI-compatible server (empty for local servers)")
            String apiKey,
            @Key(path = "model", fallback = "gpt-4o-mini", env = {"OPENAI_MODEL", "VOXLOOP_OPENAI_MODEL"},
                    doc = "Chat model")
            String model,
            @Key(path = "timeout", fallback = "60s", env = {"OPENAI_TIMEOUT", "VOXLOOP_OPENAI_TIMEOUT"},
                    doc = "Whole-request timeout")
            Duration timeout,
            @Key(path = "max_tokens", fallback = "1024", env = "VOXLOOP_OPENAI_MAX_TOKENS",
                    doc = "Cap on generated tokens")
            int maxTokens) {

        public OpenAi {
            apiKey = apiKey == null ? "" : apiKey;
            positive("intent.openai.max_tokens", maxTokens);
        }

        @Override
        public String toString() {
            return "OpenAi[baseUrl=" + baseUrl + ", apiKey=" + (apiKey.isEmpty() ? "(none)" : "(set)") + ", model="
                    + model + ", timeout=" + timeout + ", maxTokens=" + maxTokens + "]";
        }
    }

    public IntentSettings {
        extractor = extractor.strip().toLowerCase(Locale.ROOT);
        if (!EXTRACTORS.contains(extractor)) {
            throw new IllegalArgumentException("intent.extractor: expected one of " + EXTRACTORS + ", got '"
                    + extractor + "'");
        }
        if (ambiguityThreshold < 0 || ambiguityThreshold > 1) {
            throw new IllegalArgumentException("intent.ambiguity_threshold: expected a number from 0 to 1, got "
                    + ambiguityThreshold);
        }
        if (Double.isNaN(duplicateThreshold) || duplicateThreshold < 0 || duplicateThreshold > 1) {
            throw new IllegalArgumentException("intent.duplicates.threshold: expected a number from 0 to 1, got "
                    + duplicateThreshold);
        }
    }

    public static IntentSettings defaults() {
        return from(ConfigTree.empty());
    }

    public static IntentSettings from(ConfigTree c) {
        return Settings.bind(IntentSettings.class, c);
    }

    /** The same settings with another extractor (the CLI's --extractor). */
    public IntentSettings withExtractor(String name) {
        return new IntentSettings(name, fallback, embeddings, modelLoadWait, ollama, openai, ambiguityThreshold,
                duplicateThreshold);
    }

    private static void positive(String path, int v) {
        if (v <= 0) {
            throw new IllegalArgumentException(path + ": expected a positive whole number, got " + v);
        }
    }
}

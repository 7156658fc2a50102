package dev.voxloop.intent;

import dev.voxloop.core.config.ConfigKey;
import dev.voxloop.core.config.ConfigTree;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The intent module's configuration (voxloop.yaml {@code intent.*}, with the original system's variable names).
 *
 * @param extractor              {@code embedded} (default), {@code rules}, {@code ollama} or {@code openai}
 * @param fallback               a remote extractor that is down falls back to the embedded one
 * @param embeddings             the embedded extractor uses the MiniLM sentence-embedding model
 * @param modelLoadWait          how long the first extraction waits for the embedding model to load
 * @param ollama                 Ollama settings
 * @param openai                 OpenAI-compatible settings
 * @param ambiguityThreshold     0..1; remote models are told to list questions when more unsure than this
 * @param maxClarificationRounds questions asked at most before the preview (for core's ClarificationPolicy)
 */
public record IntentSettings(String extractor, boolean fallback, boolean embeddings, Duration modelLoadWait,
                             Ollama ollama, OpenAi openai, double ambiguityThreshold, int maxClarificationRounds) {

    public static final String EMBEDDED = "embedded";
    public static final String RULES = "rules";
    public static final String OLLAMA = "ollama";
    public static final String OPENAI = "openai";
    public static final List<String> EXTRACTORS = List.of(EMBEDDED, RULES, OLLAMA, OPENAI);

    /** Every key this module reads. The coordinator maps the env names onto the paths. */
    public static final List<ConfigKey> KEYS = List.of(
            ConfigKey.of("intent.extractor", "Intent extractor: embedded (offline, default), rules (no model), "
                    + "ollama or openai", "VOXLOOP_INTENT_EXTRACTOR"),
            ConfigKey.of("intent.fallback", "Fall back to the embedded extractor when a remote model is down "
                    + "(default true)", "VOXLOOP_INTENT_FALLBACK"),
            ConfigKey.of("intent.embedded.embeddings", "Use the bundled all-MiniLM-L6-v2 model for type and project "
                    + "when no explicit word decides (default true)", "VOXLOOP_INTENT_EMBEDDINGS"),
            ConfigKey.of("intent.embedded.load_wait", "How long the first extraction waits for the embedding model "
                    + "to load (default 20s)", "VOXLOOP_INTENT_LOAD_WAIT"),
            ConfigKey.of("intent.ollama.url", "Ollama base URL (default http://localhost:11434)", "OLLAMA_URL",
                    "VOXLOOP_OLLAMA_URL"),
            ConfigKey.of("intent.ollama.model", "Ollama model (default mistral:7b-instruct-q4_0)", "OLLAMA_MODEL",
                    "VOXLOOP_OLLAMA_MODEL"),
            ConfigKey.of("intent.ollama.timeout", "Ollama request timeout (default 120s; a bare number is seconds)",
                    "OLLAMA_TIMEOUT", "VOXLOOP_OLLAMA_TIMEOUT"),
            ConfigKey.of("intent.ollama.keep_alive", "How long Ollama keeps the model loaded (default 5m)",
                    "OLLAMA_KEEP_ALIVE", "VOXLOOP_OLLAMA_KEEP_ALIVE"),
            ConfigKey.of("intent.ollama.num_predict", "Cap on generated tokens (default 1024)",
                    "VOXLOOP_OLLAMA_NUM_PREDICT"),
            ConfigKey.of("intent.openai.base_url", "OpenAI-compatible base URL, e.g. http://localhost:8000/v1 for "
                    + "vLLM or http://localhost:11434/v1 for Ollama (default https://api.openai.com/v1)",
                    "OPENAI_BASE_URL", "VOXLOOP_OPENAI_BASE_URL"),
            ConfigKey.secret("intent.openai.api_key", "API key for the OpenAI-compatible server (empty for local "
                    + "servers)", "OPENAI_API_KEY", "VOXLOOP_OPENAI_API_KEY"),
            ConfigKey.of("intent.openai.model", "Chat model (default gpt-4o-mini)", "OPENAI_MODEL",
                    "VOXLOOP_OPENAI_MODEL"),
            ConfigKey.of("intent.openai.timeout", "Request timeout (default 60s)", "OPENAI_TIMEOUT",
                    "VOXLOOP_OPENAI_TIMEOUT"),
            ConfigKey.of("intent.openai.max_tokens", "Cap on generated tokens (default 1024)",
                    "VOXLOOP_OPENAI_MAX_TOKENS"),
            ConfigKey.of("intent.ambiguity_threshold", "0..1: models list questions when more unsure than this "
                    + "(default 0.3)", "AMBIGUITY_THRESHOLD", "VOXLOOP_AMBIGUITY_THRESHOLD"),
            ConfigKey.of("intent.max_clarification_rounds", "Questions asked at most before the read-back preview "
                    + "(default 3)", "MAX_CLARIFICATION_ROUNDS", "VOXLOOP_MAX_CLARIFICATION_ROUNDS"));

    /**
     * @param url        base URL, e.g. http://localhost:11434
     * @param model      model name
     * @param timeout    whole-request timeout
     * @param keepAlive  Ollama keep_alive ("5m", "0" to unload at once)
     * @param numPredict cap on generated tokens (small models in JSON mode can loop)
     */
    public record Ollama(URI url, String model, Duration timeout, String keepAlive, int numPredict) {
    }

    /**
     * @param baseUrl   base URL ending in /v1 (or the server's equivalent)
     * @param apiKey    bearer token, or empty; never printed
     * @param model     model name
     * @param timeout   whole-request timeout
     * @param maxTokens cap on generated tokens
     */
    public record OpenAi(URI baseUrl, String apiKey, String model, Duration timeout, int maxTokens) {

        public OpenAi {
            apiKey = apiKey == null ? "" : apiKey;
        }

        @Override
        public String toString() {
            return "OpenAi[baseUrl=" + baseUrl + ", apiKey=" + (apiKey.isEmpty() ? "(none)" : "(set)") + ", model="
                    + model + ", timeout=" + timeout + ", maxTokens=" + maxTokens + "]";
        }
    }

    public IntentSettings {
        extractor = extractor == null ? EMBEDDED : extractor.strip().toLowerCase(Locale.ROOT);
        if (!EXTRACTORS.contains(extractor)) {
            throw new IllegalArgumentException("intent.extractor: expected one of " + EXTRACTORS + ", got '"
                    + extractor + "'");
        }
        if (ambiguityThreshold < 0 || ambiguityThreshold > 1) {
            throw new IllegalArgumentException("intent.ambiguity_threshold: expected a number from 0 to 1, got "
                    + ambiguityThreshold);
        }
        if (maxClarificationRounds < 0) {
            throw new IllegalArgumentException("intent.max_clarification_rounds: expected 0 or more");
        }
    }

    public static IntentSettings defaults() {
        return from(ConfigTree.empty());
    }

    public static IntentSettings from(ConfigTree c) {
        return new IntentSettings(
                c.string("intent.extractor", EMBEDDED),
                c.bool("intent.fallback", true),
                c.bool("intent.embedded.embeddings", true),
                c.duration("intent.embedded.load_wait", Duration.ofSeconds(20)),
                new Ollama(uri(c, "intent.ollama.url", "http://localhost:11434"),
                        c.string("intent.ollama.model", "mistral:7b-instruct-q4_0"),
                        c.duration("intent.ollama.timeout", Duration.ofSeconds(120)),
                        c.string("intent.ollama.keep_alive", "5m"),
                        positive(c, "intent.ollama.num_predict", 1024)),
                new OpenAi(uri(c, "intent.openai.base_url", "https://api.openai.com/v1"),
                        c.string("intent.openai.api_key", ""),
                        c.string("intent.openai.model", "gpt-4o-mini"),
                        c.duration("intent.openai.timeout", Duration.ofSeconds(60)),
                        positive(c, "intent.openai.max_tokens", 1024)),
                c.decimal("intent.ambiguity_threshold", 0.3),
                c.integer("intent.max_clarification_rounds", 3));
    }

    /** The same settings with another extractor (the CLI's --extractor). */
    public IntentSettings withExtractor(String name) {
        return new IntentSettings(name, fallback, embeddings, modelLoadWait, ollama, openai, ambiguityThreshold,
                maxClarificationRounds);
    }

    private static URI uri(ConfigTree c, String path, String fallback) {
        String v = c.string(path, fallback);
        try {
            URI u = URI.create(v.endsWith("/") ? v.substring(0, v.length() - 1) : v);
            if (u.getScheme() == null || !u.getScheme().startsWith("http") || u.getHost() == null) {
                throw new IllegalArgumentException();
            }
            return u;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(path + ": expected an http(s) URL, got '" + v + "'");
        }
    }

    private static int positive(ConfigTree c, String path, int fallback) {
        int v = c.integer(path, fallback);
        if (v <= 0) {
            throw new IllegalArgumentException(path + ": expected a positive whole number, got " + v);
        }
        return v;
    }
}

package dev.voxloop.intent.review;

import dev.voxloop.core.config.ConfigTree;
import dev.voxloop.core.config.Key;
import dev.voxloop.core.config.Settings;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The model reviewer ({@code review.model.*} in voxloop.yaml): off by default, so that a configuration without it
 * stays offline. Empty values take the intent extractor's server, model and key of the same kind (ollama, openai);
 * {@code claude} runs Claude Code read-only with the agent's command and the worker's ANTHROPIC_* variables.
 */
public record ModelReviewSettings(
        @Key(path = "review.model.kind", fallback = NONE, env = "VOXLOOP_REVIEW_MODEL",
                doc = "Model reviewer beside the built-in rules: none, ollama, openai (any OpenAI-compatible server)"
                        + " or claude (Claude Code, read-only)")
        String kind,
        @Key(path = "review.model.url", env = "VOXLOOP_REVIEW_MODEL_URL",
                doc = "The model server's base URL (empty: intent.ollama.url or intent.openai.base_url; for claude,"
                        + " ANTHROPIC_BASE_URL or the Anthropic API)")
        String url,
        @Key(path = "review.model.model", env = "VOXLOOP_REVIEW_MODEL_NAME",
                doc = "The model (empty: the intent extractor's model; for claude, Claude Code's default)")
        String model,
        @Key(path = "review.model.api_key", secret = true, env = "VOXLOOP_REVIEW_MODEL_API_KEY",
                doc = "Key for an OpenAI-compatible server (empty: intent.openai.api_key)")
        String apiKey,
        @Key(path = "review.model.timeout", fallback = "300s", env = "VOXLOOP_REVIEW_MODEL_TIMEOUT",
                doc = "Time one review may take")
        Duration timeout,
        @Key(path = "review.model.max_diff_chars", fallback = "60000",
                doc = "The diff shown to the model is cut after this many characters (the prompt says so)")
        int maxDiffChars,
        @Key(path = "review.model.max_turns", fallback = "30",
                doc = "Claude Code's turns (file reads and searches) for one review")
        int maxTurns) {

    public static final String NONE = "none";
    public static final String OLLAMA = "ollama";
    public static final String OPENAI = "openai";
    public static final String CLAUDE = "claude";
    public static final List<String> KINDS = List.of(NONE, OLLAMA, OPENAI, CLAUDE);

    public ModelReviewSettings {
        kind = kind == null ? NONE : kind.strip().toLowerCase(Locale.ROOT);
        if (!KINDS.contains(kind)) {
            throw new IllegalArgumentException("review.model.kind: expected one of " + KINDS + ", got '" + kind + "'");
        }
        url = url == null ? "" : url.strip();
        model = model == null ? "" : model.strip();
        apiKey = apiKey == null ? "" : apiKey;
        if (maxDiffChars < 1000) {
            throw new IllegalArgumentException("review.model.max_diff_chars: expected at least 1000, got "
                    + maxDiffChars);
        }
        if (maxTurns < 1) {
            throw new IllegalArgumentException("review.model.max_turns: expected at least 1, got " + maxTurns);
        }
    }

    public static ModelReviewSettings from(ConfigTree c) {
        return Settings.bind(ModelReviewSettings.class, c);
    }

    public boolean enabled() {
        return !kind.equals(NONE);
    }

    /** The reviewer's name, the author of its findings and what a policy's {@code review.required} lists. */
    public String reviewerName(String resolvedModel) {
        return kind.equals(CLAUDE) ? "claude-code" : "model:" + resolvedModel;
    }

    @Override
    public String toString() {
        return "ModelReviewSettings[kind=" + kind + ", url=" + url + ", model=" + model + ", apiKey="
                + (apiKey.isEmpty() ? "(none)" : "(set)") + ", timeout=" + timeout + ", maxDiffChars=" + maxDiffChars
                + ", maxTurns=" + maxTurns + "]";
    }
}

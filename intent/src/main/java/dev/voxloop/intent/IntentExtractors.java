package dev.voxloop.intent;

import dev.voxloop.core.intent.IntentExtractor;
import dev.voxloop.core.ticket.DuplicateFinder;
import dev.voxloop.intent.embedded.EmbeddedExtractor;
import dev.voxloop.intent.embedded.SimilarTickets;
import dev.voxloop.intent.ollama.OllamaChat;
import dev.voxloop.intent.openai.OpenAiChat;
import dev.voxloop.intent.chat.ModelExtractor;

/**
 * The extractor the configuration asks for. {@code embedded} (default) is offline; {@code ollama} and
 * {@code openai} fall back to the embedded one when the model is down (unless {@code intent.fallback} is false).
 * Creating one is cheap: the embedding model loads when {@link IntentExtractor#warm()} is called or on the first
 * extraction. Create it once at start-up and keep it.
 */
public final class IntentExtractors {

    private IntentExtractors() {
    }

    public static IntentExtractor create(IntentSettings s) {
        return switch (s.extractor()) {
            case IntentSettings.RULES -> EmbeddedExtractor.rulesOnly();
            case IntentSettings.OLLAMA -> remote(new ModelExtractor(new OllamaChat(s.ollama()),
                    s.ambiguityThreshold()), s);
            case IntentSettings.OPENAI -> remote(new ModelExtractor(new OpenAiChat(s.openai()),
                    s.ambiguityThreshold()), s);
            default -> embedded(s);
        };
    }

    /** The offline extractor alone, as configured (with or without the embedding model). */
    public static EmbeddedExtractor embedded(IntentSettings s) {
        return s.embeddings() ? EmbeddedExtractor.withEmbeddings(s.modelLoadWait()) : EmbeddedExtractor.rulesOnly();
    }

    /**
     * The likely-duplicate hint of the read-back: the bundled sentence model (shared with the embedded extractor)
     * at {@code intent.duplicates.threshold}; none for the rules extractor (chosen to load no model), without
     * embeddings, or at threshold 1.
     */
    public static DuplicateFinder duplicates(IntentSettings s) {
        return s.embeddings() && s.duplicateThreshold() < 1 && !s.extractor().equals(IntentSettings.RULES)
                ? SimilarTickets.withBundledModel(s.duplicateThreshold(), hintWait(s)) : DuplicateFinder.NONE;
    }

    /** A read-back waits for the model at most this long for the hint (it is only a hint), within the load wait. */
    private static java.time.Duration hintWait(IntentSettings s) {
        java.time.Duration most = java.time.Duration.ofSeconds(5);
        return s.modelLoadWait().compareTo(most) < 0 ? s.modelLoadWait() : most;
    }

    private static IntentExtractor remote(IntentExtractor model, IntentSettings s) {
        return s.fallback() ? new FallbackExtractor(model, embedded(s)) : model;
    }
}

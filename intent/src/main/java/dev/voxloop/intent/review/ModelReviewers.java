package dev.voxloop.intent.review;

import dev.voxloop.core.review.Reviewer;
import dev.voxloop.intent.IntentSettings;
import dev.voxloop.intent.ollama.OllamaChat;
import dev.voxloop.intent.openai.OpenAiChat;
import java.net.URI;
import java.util.Optional;

/**
 * The chat-model reviewer the configuration asks for ({@code review.model.kind} ollama or openai), its server,
 * model and key taken from the intent extractor's settings where {@code review.model.*} leaves them empty. Answers
 * are deterministic (temperature 0) and capped at {@link #ANSWER_TOKENS}.
 */
public final class ModelReviewers {

    /** Room for a review with a few dozen findings. */
    public static final int ANSWER_TOKENS = 4096;

    private ModelReviewers() {
    }

    /** The reviewer for kind ollama or openai; empty for none and claude (built where the agents live). */
    public static Optional<Reviewer> chat(ModelReviewSettings r, IntentSettings intent) {
        return switch (r.kind()) {
            case ModelReviewSettings.OLLAMA -> {
                IntentSettings.Ollama o = intent.ollama();
                String model = r.model().isEmpty() ? o.model() : r.model();
                yield Optional.of(new ModelReviewer(r.reviewerName(model), new OllamaChat(new IntentSettings.Ollama(
                        r.url().isEmpty() ? o.url() : URI.create(r.url()), model, r.timeout(), o.keepAlive(),
                        ANSWER_TOKENS)), r.maxDiffChars()));
            }
            case ModelReviewSettings.OPENAI -> {
                IntentSettings.OpenAi o = intent.openai();
                String model = r.model().isEmpty() ? o.model() : r.model();
                yield Optional.of(new ModelReviewer(r.reviewerName(model), new OpenAiChat(new IntentSettings.OpenAi(
                        r.url().isEmpty() ? o.baseUrl() : URI.create(r.url()), r.apiKey().isEmpty() ? o.apiKey()
                        : r.apiKey(), model, r.timeout(), ANSWER_TOKENS)), r.maxDiffChars()));
            }
            default -> Optional.empty();
        };
    }
}

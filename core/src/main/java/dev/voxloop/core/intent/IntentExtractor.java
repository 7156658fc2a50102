package dev.voxloop.core.intent;

/**
 * Port: request text to a ticket draft. Implementations never invent a project: the project key they
 * return is one of {@link IntentRequest#projects()} or null. A remote model that is down throws
 * {@link dev.voxloop.core.problem.Problem} with kind UNAVAILABLE so a fallback can take over.
 */
public interface IntentExtractor {

    String name();

    Extraction extract(IntentRequest request);

    /**
     * Starts loading the extractor's models in the background now rather than on the first request; returns at
     * once. The server calls it once it answers requests, so loading does not slow its start-up.
     */
    default void warm() {
    }

    /** False while a model the extractor answers with is still loading (requests then get a lesser answer). */
    default boolean ready() {
        return true;
    }
}

package dev.voxloop.intent.embedded;

import dev.voxloop.core.intent.IssueType;
import dev.voxloop.core.ticket.Project;
import java.util.List;
import java.util.Map;

/**
 * Similarity evidence from a sentence-embedding model: how close a request is to each type's prototypes and
 * to each project's own description. Used only when no explicit word decides.
 */
interface SemanticHints {

    /**
     * @param types    cosine similarity per type (higher is closer); empty when the model is not available
     * @param projects cosine similarity per project key; empty when the model is not available
     */
    record Evidence(Map<IssueType, Double> types, Map<String, Double> projects) {

        static final Evidence NONE = new Evidence(Map.of(), Map.of());
    }

    /** One embedding of {@code text}, compared with the type prototypes and with each project. */
    Evidence evidence(String text, List<Project> projects);

    /** Starts loading the model in the background, if there is one to load. */
    default void warm() {
    }

    /** No model: the rules decide alone. */
    SemanticHints NONE = (text, projects) -> Evidence.NONE;
}

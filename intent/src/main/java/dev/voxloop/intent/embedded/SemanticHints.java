package dev.voxloop.intent.embedded;

import dev.voxloop.core.intent.IssueType;
import dev.voxloop.core.ticket.Project;
import java.util.List;
import java.util.Map;

/**
 * Evidence from a sentence-embedding model: how likely each type is (a classifier trained on the type
 * prototypes) and how close a request is to each project's own description. Used only when no explicit word
 * decides.
 */
interface SemanticHints {

    /**
     * @param types    probability per type (they sum to 1); empty when the model is not available
     * @param projects cosine similarity per project key; empty when the model is not available
     */
    record Evidence(Map<IssueType, Double> types, Map<String, Double> projects) {

        static final Evidence NONE = new Evidence(Map.of(), Map.of());
    }

    /** One embedding of {@code text}, classified by type and compared with each project. */
    Evidence evidence(String text, List<Project> projects);

    /** Starts loading the model in the background, if there is one to load. */
    default void warm() {
    }

    /** No model: the rules decide alone. */
    SemanticHints NONE = (text, projects) -> Evidence.NONE;
}

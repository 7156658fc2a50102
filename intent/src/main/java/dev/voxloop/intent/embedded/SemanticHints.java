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

    /** Cosine similarity per type (higher is closer); empty when the model is not available. */
    Map<IssueType, Double> typeSimilarity(String text);

    /** Cosine similarity per project key; empty when the model is not available. */
    Map<String, Double> projectSimilarity(String text, List<Project> projects);

    /** No model: the rules decide alone. */
    SemanticHints NONE = new SemanticHints() {
        @Override
        public Map<IssueType, Double> typeSimilarity(String text) {
            return Map.of();
        }

        @Override
        public Map<String, Double> projectSimilarity(String text, List<Project> projects) {
            return Map.of();
        }
    };
}

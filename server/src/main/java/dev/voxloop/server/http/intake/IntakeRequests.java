package dev.voxloop.server.http.intake;

import com.fasterxml.jackson.databind.JsonNode;
import dev.voxloop.core.intake.DraftEdits;
import dev.voxloop.core.problem.Problem;
import java.util.ArrayList;
import java.util.List;

/** Request bodies of the intake endpoints (snake_case on the wire; unknown keys are refused). */
final class IntakeRequests {

    private IntakeRequests() {
    }

    /** /api/extract and /api/pipeline/run: {text}. */
    record Text(String text) {
    }

    /** /api/pipeline/clarify: {session_id, text}. */
    record Clarify(String sessionId, String text) {
    }

    /** /api/pipeline/discard: {session_id}. */
    record Discard(String sessionId) {
    }

    /** /api/pipeline/approve: {session_id, overrides?}. */
    record Approve(String sessionId, Overrides overrides) {
    }

    /**
     * The fields a person may change in the read-back. {@code acceptance_criteria} is SEJFA's single string
     * (one criterion per line) or a list.
     */
    record Overrides(String summary, String description, JsonNode acceptanceCriteria, String issueType,
                     String priority, List<String> labels, String project, String parent) {

        DraftEdits toEdits() {
            return new DraftEdits(summary, description, criteria(), issueType, priority, labels, project, parent);
        }

        private List<String> criteria() {
            JsonNode ac = acceptanceCriteria;
            if (ac == null || ac.isNull()) {
                return null;
            }
            List<String> out = new ArrayList<>();
            if (ac.isTextual()) {
                for (String line : ac.asText().split("\\R")) {
                    String l = line.strip().replaceFirst("^([-*•]|\\d+[.)])\\s+", "");
                    if (!l.isEmpty()) {
                        out.add(l);
                    }
                }
                return out;
            }
            if (ac.isArray()) {
                for (JsonNode item : ac) {
                    if (!item.isTextual()) {
                        throw Problem.invalid("overrides.acceptance_criteria",
                                "acceptance_criteria must be a string or a list of strings");
                    }
                    out.add(item.asText());
                }
                return out;
            }
            throw Problem.invalid("overrides.acceptance_criteria",
                    "acceptance_criteria must be a string or a list of strings");
        }
    }
}

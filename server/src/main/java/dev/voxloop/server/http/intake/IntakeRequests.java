package dev.voxloop.server.http.intake;

import com.fasterxml.jackson.databind.JsonNode;
import dev.voxloop.core.intake.DraftEdits;
import dev.voxloop.core.input.TextField;
import dev.voxloop.core.intent.TicketDraft;
import dev.voxloop.core.problem.Problem;
import dev.voxloop.core.ticket.TicketKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Request bodies of the intake endpoints (snake_case on the wire; unknown keys are refused). */
final class IntakeRequests {

    static final TextField SESSION_ID = TextField.line("session_id", 64);
    /** What a person said or typed (the intake checks it again where it takes it: 413 beyond the limit). */
    static final TextField TEXT = new TextField("text", 10_000, true, Problem.Kind.TOO_LARGE);
    static final TextField SUMMARY = TextField.line("overrides.summary", TicketDraft.SUMMARY_MAX);
    static final TextField DESCRIPTION = TextField.lines("overrides.description", 32_000);
    static final TextField CRITERIA = TextField.lines("overrides.acceptance_criteria", 32_000);
    static final TextField CRITERION = TextField.line("overrides.acceptance_criteria[]", 1_000);
    static final TextField CHOICE = TextField.line("overrides.choice", 32);
    static final TextField LABEL = TextField.line("overrides.labels[]", 255);
    static final TextField PROJECT = TextField.line("overrides.project", 255);
    static final TextField PARENT = TextField.line("overrides.parent", TicketKey.MAX_LENGTH);
    static final int MAX_LABELS = 20;
    static final int MAX_ROUND = 100;
    static final int MAX_CRITERIA = 50;

    private IntakeRequests() {
    }

    /** /api/extract and /api/pipeline/run: {text}. */
    record Text(String text) {
    }

    /** /api/pipeline/confirm: {session_id, text?}; no text confirms the words as heard. */
    record Confirm(String sessionId, String text) {
    }

    /** /api/pipeline/clarify: {session_id, text, round?} (round: the question's round this answers). */
    record Clarify(String sessionId, String text, Integer round) {
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

        /** Each field checked for shape and length (400 naming {@code overrides.<field>}) before the intake sees it. */
        DraftEdits toEdits() {
            return new DraftEdits(SUMMARY.optional(summary), DESCRIPTION.optional(description), criteria(),
                    CHOICE.named("overrides.issue_type").optional(issueType),
                    CHOICE.named("overrides.priority").optional(priority), checkedLabels(), PROJECT.optional(project),
                    parent == null ? null : Objects.requireNonNullElse(PARENT.optional(parent), ""));
        }

        private List<String> checkedLabels() {
            if (labels == null) {
                return null;
            }
            if (labels.size() > MAX_LABELS) {
                throw Problem.invalid("overrides.labels", "at most " + MAX_LABELS + " labels");
            }
            List<String> out = new ArrayList<>();
            for (int i = 0; i < labels.size(); i++) {
                String name = "overrides.labels[" + i + "]";
                if (labels.get(i) == null) {
                    throw Problem.invalid(name, "a label must be a string, not null");
                }
                out.add(LABEL.named(name).require(labels.get(i)));
            }
            return out;
        }

        private List<String> criteria() {
            JsonNode ac = acceptanceCriteria;
            if (ac == null || ac.isNull()) {
                return null;
            }
            List<String> out = new ArrayList<>();
            if (ac.isTextual()) {
                String text = CRITERIA.optional(ac.asText());
                for (String line : text == null ? new String[0] : text.split("\\R")) {
                    String l = line.strip().replaceFirst("^([-*•]|\\d+[.)])\\s+", "");
                    if (!l.isEmpty()) {
                        out.add(l);
                    }
                }
                return out;
            }
            if (ac.isArray()) {
                if (ac.size() > MAX_CRITERIA) {
                    throw Problem.invalid("overrides.acceptance_criteria", "at most " + MAX_CRITERIA + " criteria");
                }
                for (int i = 0; i < ac.size(); i++) {
                    JsonNode item = ac.get(i);
                    if (!item.isTextual()) {
                        throw Problem.invalid("overrides.acceptance_criteria",
                                "acceptance_criteria must be a string or a list of strings");
                    }
                    out.add(CRITERION.named("overrides.acceptance_criteria[" + i + "]").require(item.asText()));
                }
                return out;
            }
            throw Problem.invalid("overrides.acceptance_criteria",
                    "acceptance_criteria must be a string or a list of strings");
        }
    }
}

package dev.voxloop.core.intent;

import java.util.List;

/**
 * One question to the person: the most valuable missing piece, as a closed choice where possible.
 *
 * @param field    what the answer decides ("project", "issue_type", "summary", "acceptance_criteria")
 * @param question what to ask, in plain words
 * @param choices  one-tap answers (may be empty for an open question)
 * @param round    1-based round number
 */
public record Clarification(String field, String question, List<String> choices, int round) {

    public Clarification {
        choices = choices == null ? List.of() : List.copyOf(choices);
    }
}

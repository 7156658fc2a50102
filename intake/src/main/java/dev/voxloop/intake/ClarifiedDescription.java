package dev.voxloop.intake;

import dev.voxloop.core.intent.Extraction;
import dev.voxloop.core.intent.TicketDraft;
import java.util.List;
import java.util.Locale;

/**
 * The description a ticket gets after clarification: the request as said, then each question with the person's
 * answer, so what they added is in the ticket's body (where the agent reads it), not only folded into the summary.
 * An extractor whose description already holds every answer is left as it is.
 */
final class ClarifiedDescription {

    private ClarifiedDescription() {
    }

    static Extraction apply(Extraction ex, List<String> questions, List<String> answers) {
        TicketDraft d = ex.draft();
        List<String> said = answers.stream().map(String::strip).filter(a -> !a.isEmpty()).toList();
        String lower = d.description().toLowerCase(Locale.ROOT);
        if (said.isEmpty() || said.stream().allMatch(a -> lower.contains(a.toLowerCase(Locale.ROOT)))) {
            return ex;
        }
        StringBuilder b = new StringBuilder(d.description().strip());
        b.append(b.isEmpty() ? "" : "\n\n").append("Clarifications:");
        for (int i = 0; i < answers.size(); i++) {
            String a = answers.get(i).strip();
            if (a.isEmpty()) {
                continue;
            }
            String q = i < questions.size() ? questions.get(i).strip() : "";
            b.append("\n- ").append(q.isEmpty() ? "" : q + " ").append(a);
        }
        return new Extraction(d.withDescription(b.toString()), ex.missing(), ex.ambiguities(), ex.confidence(),
                ex.flags(), ex.questions(), ex.ambiguityScore(), ex.extractor());
    }
}

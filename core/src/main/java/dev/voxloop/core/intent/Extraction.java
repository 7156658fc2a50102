package dev.voxloop.core.intent;

import dev.voxloop.core.ticket.LikelyDuplicate;
import java.util.List;
import java.util.Map;

/**
 * What an extractor made of a request: the draft plus what it is unsure of.
 *
 * @param draft          the ticket fields
 * @param missing        field names that could not be filled
 * @param ambiguities    plain-words notes on what is unclear
 * @param confidence     per-field confidence 0..1 (keys: summary, issue_type, priority, project, ...)
 * @param flags          warnings for the person, e.g. "possible_injection: ..."
 * @param questions      questions the extractor itself would ask (the policy picks one)
 * @param ambiguityScore 0..1, one number for how unclear the request is, kept for clients that show it
 * @param extractor      which extractor produced it (after any fallback)
 * @param duplicates     open tickets the draft seems to repeat, most alike first (found by the intake before the
 *                       read-back; empty until then)
 */
public record Extraction(TicketDraft draft, List<String> missing, List<String> ambiguities,
                         Map<String, Double> confidence, List<String> flags, List<String> questions,
                         double ambiguityScore, String extractor, List<LikelyDuplicate> duplicates) {

    public Extraction {
        missing = missing == null ? List.of() : List.copyOf(missing);
        ambiguities = ambiguities == null ? List.of() : List.copyOf(ambiguities);
        confidence = confidence == null ? Map.of() : Map.copyOf(confidence);
        flags = flags == null ? List.of() : List.copyOf(flags);
        questions = questions == null ? List.of() : List.copyOf(questions);
        ambiguityScore = Math.max(0, Math.min(1, ambiguityScore));
        duplicates = duplicates == null ? List.of() : List.copyOf(duplicates);
    }

    /** What an extractor returns: no duplicates looked for yet. */
    public Extraction(TicketDraft draft, List<String> missing, List<String> ambiguities, Map<String, Double> confidence,
                      List<String> flags, List<String> questions, double ambiguityScore, String extractor) {
        this(draft, missing, ambiguities, confidence, flags, questions, ambiguityScore, extractor, List.of());
    }

    public Extraction withDuplicates(List<LikelyDuplicate> v) {
        return new Extraction(draft, missing, ambiguities, confidence, flags, questions, ambiguityScore, extractor, v);
    }
}

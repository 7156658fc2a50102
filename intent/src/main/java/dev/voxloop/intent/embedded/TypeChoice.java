package dev.voxloop.intent.embedded;

import dev.voxloop.core.intent.IssueType;
import dev.voxloop.intent.data.TableFile;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The ticket type when no explicit type word decided it: cue words ({@link TypeCues}) plus the embedding's
 * type probabilities ({@link TypeRegression}), with the runner-up named when the two are close. Also reads a type
 * out of an answer to the "what type is it?" question.
 *
 * @param runnerUp the second type when it scored within 15 % of the first, else null
 */
record TypeChoice(IssueType type, double confidence, IssueType runnerUp) {

    /** Answers that name a type in other words ("a new feature", "chore"); data, not code. */
    static final String ANSWERS_FILE = "/dev/voxloop/intent/embedded/type-answers.tsv";
    private static final Map<String, IssueType> ANSWERS = answers();
    /** How sure an explicit type word ("file a bug") makes the type. */
    static final double EXPLICIT_CONFIDENCE = 0.95;

    /** How far behind the most likely type (in probability) another type loses the embedding's whole point. */
    static final double PROBABILITY_POINT = 1 / 3.0;

    /** @param likely the embedding's probability per type (empty without a model) */
    static TypeChoice weigh(String work, Map<IssueType, Double> likely) {
        Map<IssueType, Double> scores = new HashMap<>(TypeCues.score(work));
        if (!likely.isEmpty()) {
            // the most likely type gets one point; another type a point less per PROBABILITY_POINT it falls behind
            double max = likely.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
            likely.forEach((t, p) -> scores.merge(t, Math.max(0, 1.0 - (max - p) / PROBABILITY_POINT), Double::sum));
        }
        List<Map.Entry<IssueType, Double>> ranked = scores.entrySet().stream()
                .sorted(Map.Entry.<IssueType, Double>comparingByValue().reversed()).toList();
        if (ranked.isEmpty() || ranked.getFirst().getValue() <= 0) {
            return new TypeChoice(IssueType.STORY, 0.4, null);
        }
        double top = ranked.getFirst().getValue();
        double second = ranked.size() > 1 ? ranked.get(1).getValue() : 0;
        double margin = (top - second) / Math.max(top, 1e-9);
        IssueType runnerUp = ranked.size() > 1 && margin < 0.15 ? ranked.get(1).getKey() : null;
        return new TypeChoice(ranked.getFirst().getKey(), Math.min(0.9, 0.5 + margin * 0.4), runnerUp);
    }

    /**
     * The type the likely readings of heard words agree on ({@link ReadingVote}): each reading's explicit type
     * word, else its own cues and the embedding's type probabilities for its own words, decides that reading's
     * type.
     *
     * @param likely the embedding's probability per type for a reading's work (empty without a model)
     */
    static TypeChoice voted(List<HeardReading> readings, Function<HeardReading, Map<IssueType, Double>> likely) {
        ReadingVote<IssueType> vote = ReadingVote.of(readings, r -> TypeWords.find(r.all())
                .map(t -> new ReadingVote.Ballot<>(t, EXPLICIT_CONFIDENCE)).orElseGet(() -> {
                    TypeChoice own = weigh(r.work(), likely.apply(r));
                    return new ReadingVote.Ballot<>(own.type(), own.confidence());
                }));
        return new TypeChoice(vote.choice(), vote.confidence(), null);
    }

    /** The latest answer that is just a type ("Bug", "a story", "technical task"). */
    static Optional<IssueType> answered(List<String> answers) {
        for (int i = answers.size() - 1; i >= 0; i--) {
            String a = answers.get(i).toLowerCase(Locale.ROOT).replaceAll("[^a-z -]", " ").strip()
                    .replaceAll("^(?:it'?s |it is |a |an |the |this is )+", "").replaceAll("\\s+", " ");
            Optional<IssueType> t = IssueType.parse(a).or(() -> Optional.ofNullable(ANSWERS.get(a)));
            if (t.isPresent()) {
                return t;
            }
        }
        return Optional.empty();
    }

    private static Map<String, IssueType> answers() {
        Map<String, IssueType> out = new HashMap<>();
        for (TableFile.Row r : TableFile.load(ANSWERS_FILE, 2).rows()) {
            IssueType type = IssueType.parse(r.cell(0)).orElseThrow(() -> r.error("unknown type " + r.cell(0)));
            if (out.put(r.cell(1), type) != null) {
                throw r.error("'" + r.cell(1) + "' is listed twice");
            }
        }
        return Map.copyOf(out);
    }
}

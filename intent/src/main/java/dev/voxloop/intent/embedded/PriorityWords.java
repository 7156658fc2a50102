package dev.voxloop.intent.embedded;

import dev.voxloop.core.intent.Priority;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Priority from explicit urgency words (the labelling rules): embeddings capture the topic, not the urgency,
 * so priority is never guessed from similarity. Nothing said means Medium.
 */
final class PriorityWords {

    /** What decided the priority, for the ambiguity notes and the cleaned summary. */
    record Found(Priority priority, int start, int end) {
    }

    private record Rule(Pattern pattern, Priority priority) {
    }

    private static final String LEVEL_NOUN = "(?:priority|prio|importance|severity|urgency)";
    private static final String DEGREE = "(?:fairly |pretty |very |quite |really |rather |super )?";

    /** First match wins, so negations and the longer phrases come before the words they contain. */
    private static final List<Rule> RULES = List.of(
            rule("\\b(?:not|isn't|is not|isnt|no|nothing)\\s+(?:that |very |too |super |really |a |an |at all )?"
                    + "(?:urgent|critical|important|a blocker|blocker|high priority|pressing|a priority|a big deal)\\b",
                    Priority.LOW),
            rule("\\b(?:no|not in a) (?:rush|hurry)\\b|\\bnice[ -]to[ -]have\\b|\\bwhen(?:ever)? (?:you|we|someone) "
                    + "(?:get|have|find) (?:a chance|time|around to it)\\b|\\bwhen there'?s time\\b", Priority.LOW),
            rule("\\blowest\\b|\\btrivial\\b|\\bsome ?day\\b|\\bone day\\b", Priority.LOWEST),
            rule("\\b(?:critical|blocker|blocking|urgent|urgently|emergency|asap|a\\.s\\.a\\.p|highest"
                    + "|as soon as possible|show ?stopper|top priority|top prio|p0|sev ?1)\\b", Priority.HIGHEST),
            rule("\\bhigh(?:er)?[ -]" + LEVEL_NOUN + "\\b|\\b" + LEVEL_NOUN + "(?: is| should be| of| level)?:?\\s+"
                    + DEGREE + "high\\b|\\bimportant\\b|\\bhigh prio\\b", Priority.HIGH),
            rule("\\blow(?:er)?[ -]" + LEVEL_NOUN + "\\b|\\b" + LEVEL_NOUN + "(?: is| should be| of| level)?:?\\s+"
                    + DEGREE + "low\\b|\\bminor\\b|\\blow prio\\b", Priority.LOW),
            // "high" or "low" standing alone as a clause: "..., high." / "it's pretty low"
            rule("(?:^|[,.;:!?]\\s*)(?:(?:this is|it's|it is|make it|mark it|set it to|set it|put it as|keep it|"
                    + "that's)\\s+)?" + DEGREE + "high\\s*(?:[,.;:!?]|$)", Priority.HIGH),
            rule("(?:^|[,.;:!?]\\s*)(?:(?:this is|it's|it is|make it|mark it|set it to|set it|put it as|keep it|"
                    + "that's)\\s+)?" + DEGREE + "low\\s*(?:[,.;:!?]|$)", Priority.LOW));

    private PriorityWords() {
    }

    private static Rule rule(String regex, Priority p) {
        return new Rule(Pattern.compile(regex), p);
    }

    static Optional<Found> find(String text) {
        String t = text.toLowerCase(Locale.ROOT).replace('’', '\'');
        for (Rule r : RULES) {
            Matcher m = r.pattern.matcher(t);
            if (m.find()) {
                return Optional.of(new Found(r.priority, m.start(), m.end()));
            }
        }
        return Optional.empty();
    }
}

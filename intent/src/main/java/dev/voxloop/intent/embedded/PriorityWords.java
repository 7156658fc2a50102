package dev.voxloop.intent.embedded;

import dev.voxloop.core.intent.Priority;
import dev.voxloop.intent.data.TableFile;
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

    /** The rules, in order: the first that matches wins. */
    static final String RULES_FILE = "/dev/voxloop/intent/embedded/priority-words.tsv";
    private static final List<Rule> RULES = TableFile.load(RULES_FILE, 2).rows().stream()
            .map(r -> new Rule(r.pattern(1), Priority.parse(r.cell(0))
                    .orElseThrow(() -> r.error("unknown priority " + r.cell(0)))))
            .toList();

    private PriorityWords() {
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

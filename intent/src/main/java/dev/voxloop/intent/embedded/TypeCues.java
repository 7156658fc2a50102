package dev.voxloop.intent.embedded;

import dev.voxloop.core.intent.IssueType;
import dev.voxloop.intent.data.TableFile;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evidence for a type when no explicit type word is said, from the labelling rules: Bug = existing behaviour
 * broken or wrong; Story = a new capability for users; Task = a technical chore; Epic = a large multi-part
 * initiative. Each cue adds weight; the embedding classifier adds its own evidence on top. The cues are in
 * {@link #CUES_FILE}.
 */
final class TypeCues {

    private record Cue(IssueType type, Pattern pattern, double weight, double cap) {
    }

    /** The cues, with their weights and caps: data, not code. */
    static final String CUES_FILE = "/dev/voxloop/intent/embedded/type-cues.tsv";
    private static final List<Cue> CUES = TableFile.load(CUES_FILE, 4).rows().stream()
            .map(r -> new Cue(IssueType.parse(r.cell(0)).orElseThrow(() -> r.error("unknown type " + r.cell(0))),
                    r.pattern(3), r.number(1), r.number(2)))
            .toList();

    private TypeCues() {
    }

    static Map<IssueType, Double> score(String text) {
        String t = text.toLowerCase(Locale.ROOT).replace('’', '\'');
        Map<IssueType, Double> scores = new EnumMap<>(IssueType.class);
        for (Cue c : CUES) {
            Matcher m = c.pattern.matcher(t);
            double s = 0;
            while (m.find() && s < c.cap) {
                s += c.weight;
            }
            if (s > 0) {
                scores.merge(c.type, Math.min(s, c.cap), Double::sum);
            }
        }
        return scores;
    }
}

package dev.voxloop.intent.embedded;

import dev.voxloop.core.intent.IssueType;
import dev.voxloop.intent.data.TableFile;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An explicit type word wins: "create a task to ...", "file a bug", "an epic for", "Bug: ...". */
final class TypeWords {

    /** The explicit phrases (first group: the type word) and the words that alone say "bug". */
    static final String WORDS_FILE = "/dev/voxloop/intent/embedded/type-words.tsv";
    private static final List<Pattern> EXPLICIT = kind("explicit");
    private static final List<Pattern> BUG_WORDS = kind("bug");

    private TypeWords() {
    }

    private static List<Pattern> kind(String kind) {
        TableFile file = TableFile.load(WORDS_FILE, 2);
        for (TableFile.Row r : file.rows()) {
            if (!r.cell(0).equals("explicit") && !r.cell(0).equals("bug")) {
                throw r.error("the kind is explicit or bug, not " + r.cell(0));
            }
        }
        return file.rows().stream().filter(r -> r.cell(0).equals(kind)).map(r -> r.pattern(1)).toList();
    }

    static Optional<IssueType> find(String text) {
        String t = text.toLowerCase(Locale.ROOT).replace('’', '\'');
        for (Pattern p : EXPLICIT) {
            Matcher m = p.matcher(t);
            if (m.find()) {
                return Optional.of(type(m.group(1)));
            }
        }
        return BUG_WORDS.stream().anyMatch(p -> p.matcher(t).find()) ? Optional.of(IssueType.BUG) : Optional.empty();
    }

    /** The span of the explicit type phrase, for removing it from the summary. */
    static IssueType type(String word) {
        String w = word.replace(" ", "").replace("-", "");
        return switch (w) {
            case "bug", "defect" -> IssueType.BUG;
            case "task", "chore" -> IssueType.TASK;
            case "epic" -> IssueType.EPIC;
            case "subtask" -> IssueType.SUB_TASK;
            default -> IssueType.STORY;
        };
    }
}

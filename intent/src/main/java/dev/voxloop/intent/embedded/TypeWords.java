package dev.voxloop.intent.embedded;

import dev.voxloop.core.intent.IssueType;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An explicit type word wins: "create a task to ...", "file a bug", "an epic for", "Bug: ...". */
final class TypeWords {

    private static final String TYPE = "(bug|defect|task|chore|story|user story|epic|sub-?task|sub task|feature request"
            + "|new feature)";
    private static final String VERB = "(?:create|file|add|open|make|write|log|raise|need|want|start|submit|put in"
            + "|enter|record|draft|set up|is|it's|this is|that's|there's|there is|found|got|report|as)";
    /** Words after "task"/"story" that make it a domain noun ("the task list", "a story board"). */
    private static final String NOT_AFTER = "(?!\\s*(?:list|lists|bar|board|manager|queue|name|names|title|timer"
            + "|timers|view|page|field|count|scheduler|status|category|categories|tracking)\\b)";

    private static final List<Pattern> EXPLICIT = List.of(
            // "Bug: ...", "Task - ...", "epic: ..."
            Pattern.compile("^\\W*" + TYPE + "\\s*(?:ticket|report|item)?\\s*[:\\-–—]"),
            // "create a lowest priority task to ...", "file a bug ticket for ...", "we need an epic for"
            Pattern.compile("\\b" + VERB + "\\s+(?:a|an|another|one|the|new|one more)\\s+(?:[\\w-]+\\s+){0,3}?" + TYPE
                    + "\\b" + NOT_AFTER),
            // "a bug where ...", "an epic for ...", "a new story:" (the strong words, anywhere with an article)
            Pattern.compile("\\b(?:a|an|new)\\s+(?:[\\w-]+\\s+){0,2}?(bug|defect|epic|user story|sub-?task)\\b"
                    + NOT_AFTER),
            // "as a task", "as a story", "as an epic"
            Pattern.compile("\\bas (?:a|an) " + TYPE + "\\b"));

    /** "bug"/"bugs"/"buggy" anywhere still says something is broken. */
    private static final Pattern BUG_WORD = Pattern.compile("\\b(?:bugs?|buggy|defects?)\\b");

    private TypeWords() {
    }

    static Optional<IssueType> find(String text) {
        String t = text.toLowerCase(Locale.ROOT).replace('’', '\'');
        for (Pattern p : EXPLICIT) {
            Matcher m = p.matcher(t);
            if (m.find()) {
                return Optional.of(type(m.group(1)));
            }
        }
        return BUG_WORD.matcher(t).find() ? Optional.of(IssueType.BUG) : Optional.empty();
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

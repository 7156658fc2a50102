package dev.voxloop.intent.embedded;

import dev.voxloop.core.intent.IssueType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Acceptance criteria from the request's own clauses, Gherkin-style: each one a statement a tester can check.
 * The words are the person's; the template only says what "done" means for that kind of ticket.
 */
final class CriteriaWriter {

    private static final Pattern CONDITION = Pattern.compile(
            "(?i)^(.+?)\\s+\\b(when|whenever|if|after|while|during|under|on|every time|each time|for)\\b\\s+(.+)$");
    private static final Pattern ACTOR_CAPABILITY = Pattern.compile(
            "(?i)^(?:let|allow|enable|help)\\s+((?:\\w+\\s+){0,2}?\\w+)\\s+(?:to\\s+)?(\\w+.*)$");
    private static final Pattern ACTOR_WANTS = Pattern.compile(
            "(?i)^((?:\\w+\\s+){0,2}?\\w+)\\s+(?:want|wants|would like|need|needs|should be able)\\s+to\\s+(\\w+.*)$");
    private static final Pattern SO_THAT = Pattern.compile("(?i)^(.+?)\\s+so(?: that)?\\s+(\\w+(?:\\s+\\w+)?)\\s+can\\s+(.+)$");

    private CriteriaWriter() {
    }

    static List<String> write(IssueType type, String summary, List<String> extraClauses) {
        if (summary == null || summary.isBlank() || type == null) {
            return List.of();
        }
        String s = lowerFirst(summary);
        List<String> out = new ArrayList<>();
        switch (type) {
            case BUG -> {
                Matcher m = CONDITION.matcher(s);
                if (m.matches() && m.group(1).split("\\s+").length >= 2) {
                    out.add("Given " + m.group(2).toLowerCase(Locale.ROOT) + " " + m.group(3)
                            + ", then it no longer happens that " + m.group(1));
                } else {
                    out.add("Given the situation described in this ticket, when it is repeated after the fix, "
                            + "then it no longer happens that " + s);
                }
                out.add("A regression test reproduces the original problem and passes after the fix");
            }
            case STORY -> out.add(storyCriterion(s));
            case TASK, SUB_TASK -> {
                out.add("Given the work is finished, when it is checked, then this is done: " + s);
                out.add("Existing tests still pass and nothing that depended on it is broken");
            }
            case EPIC -> out.add("Given the epic is planned, then it is split into stories that together deliver: " + s);
        }
        for (String extra : extraClauses) {
            String e = extra.replaceAll("[\\s,;:.!?]+$", "").strip();
            if (Words.content(e).size() >= 2 && !summary.toLowerCase(Locale.ROOT).contains(e.toLowerCase(Locale.ROOT))) {
                out.add("Then " + lowerFirst(e));
            }
        }
        return List.copyOf(out);
    }

    private static String storyCriterion(String s) {
        Matcher soThat = SO_THAT.matcher(s);
        if (soThat.matches()) {
            return "Given " + soThat.group(2) + ", when " + soThat.group(1) + " is available, then "
                    + soThat.group(2) + " can " + soThat.group(3);
        }
        Matcher let = ACTOR_CAPABILITY.matcher(s);
        if (let.matches()) {
            return "Given " + let.group(1) + ", when they use the new feature, then they can " + let.group(2);
        }
        Matcher wants = ACTOR_WANTS.matcher(s);
        if (wants.matches()) {
            return "Given " + wants.group(1) + ", when they use the new feature, then they can " + wants.group(2);
        }
        if (s.startsWith("add ")) {
            return "Given the change is released, then " + s.substring(4) + " is available and works as described";
        }
        return "Given the change is released, then " + s;
    }

    private static String lowerFirst(String s) {
        if (s.length() > 1 && Character.isUpperCase(s.charAt(0)) && Character.isLowerCase(s.charAt(1))) {
            return s.substring(0, 1).toLowerCase(Locale.ROOT) + s.substring(1);
        }
        return s;
    }
}

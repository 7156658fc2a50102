package dev.voxloop.intent.embedded;

import dev.voxloop.core.intent.IssueType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Acceptance criteria from the request's own clauses, Gherkin-style: each one a statement a tester can check.
 * The words are the person's. When they said something specific (an amount, a time, who or where it is for, a
 * name: {@link Specifics}) the criteria are built around it; the templates that only say what "done" means for
 * that kind of ticket are for requests without any.
 */
final class CriteriaWriter {

    static final Pattern CONDITION = Pattern.compile(
            "(?i)^(.+?)\\s+\\b(when|whenever|if|after|while|during|every time|each time)\\b\\s+(.+)$");
    private static final Pattern WISH = Pattern.compile(
            "(?i)^(?:it would be (?:nice|great|good|useful) to have|it'd be (?:nice|great) to have|we need|we want"
                    + "|i want|i'd like|please add|add|introduce|support for|offer)\\s+(.+)$");
    private static final Pattern ACTOR_CAPABILITY = Pattern.compile(
            "(?i)^(?:let|allow|enable|help)\\s+((?:\\w+\\s+){0,2}?\\w+)\\s+(?:to\\s+)?(\\w+.*)$");
    private static final Pattern ACTOR_WANTS = Pattern.compile(
            "(?i)^((?:\\w+\\s+){0,2}?\\w+)\\s+(?:want|wants|would like|need|needs|should be able)\\s+to\\s+(\\w+.*)$");
    private static final Pattern ACTOR_CAN = Pattern.compile("^(.+?) can (.+)$");
    private static final Pattern SO_THAT = Pattern.compile("(?i)^(.+?)\\s+so(?: that)?\\s+(\\w+(?:\\s+\\w+)?)\\s+can\\s+(.+)$");

    private CriteriaWriter() {
    }

    static List<String> write(IssueType type, String summary, List<String> extraClauses) {
        return write(type, summary, extraClauses, List.of());
    }

    /** @param projectWords the projects' names and keys: they place a request, they are not one of its specifics */
    static List<String> write(IssueType type, String summary, List<String> extraClauses, List<String> projectWords) {
        if (summary == null || summary.isBlank() || type == null) {
            return List.of();
        }
        String s = lowerFirst(summary);
        List<String> out = new ArrayList<>();
        Specifics specifics = Specifics.in(summary + ". " + String.join(". ", extraClauses), projectWords);
        if (!specifics.none() && type != IssueType.EPIC) {
            out.addAll(SpecificCriteria.write(type, s, specifics));
        } else {
            out.addAll(templates(type, s));
        }
        for (String extra : extraClauses) {
            String e = extra.replaceAll("[\\s,;:.!?]+$", "").strip();
            // "it should work in every browser": one subject word is enough for a clause that says what must hold
            if (!Words.content(e).isEmpty() && Words.tokens(e).size() >= 3 && !summary.toLowerCase(Locale.ROOT).contains(e.toLowerCase(Locale.ROOT))) {
                out.add("Then " + lowerFirst(e));
            }
        }
        return List.copyOf(out);
    }

    /** What "done" means for the kind of ticket, around the person's words: for requests with nothing specific. */
    private static List<String> templates(IssueType type, String s) {
        List<String> out = new ArrayList<>();
        switch (type) {
            case BUG -> {
                Matcher m = CONDITION.matcher(s);
                if (m.matches() && m.group(1).split("\\s+").length >= 2) {
                    String kw = m.group(2).toLowerCase(Locale.ROOT);
                    String when = kw.equals("when") || kw.equals("whenever") || kw.equals("if") ? m.group(3)
                            : "it is tried " + kw + " " + m.group(3);
                    out.add("When " + when + ", then this no longer happens: " + m.group(1));
                } else {
                    out.add("Given the steps in this ticket, when they are repeated after the fix, then this no "
                            + "longer happens: " + s);
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
        return out;
    }

    private static String storyCriterion(String s) {
        Matcher soThat = SO_THAT.matcher(s);
        if (soThat.matches()) {
            String thing = soThat.group(1).replaceFirst("(?i)^(?:add|introduce|offer|provide)\\s+", "");
            return "Given " + soThat.group(2) + ", when " + thing + " is available, then " + soThat.group(2)
                    + " can " + soThat.group(3);
        }
        String statement = SpecificCriteria.statement(s);
        Matcher can = ACTOR_CAN.matcher(statement);
        if (ACTOR_CAPABILITY.matcher(s).matches() && can.matches()) {
            return "Given " + can.group(1) + ", when they use the new feature, then they can " + can.group(2);
        }
        Matcher wants = ACTOR_WANTS.matcher(s);
        if (wants.matches()) {
            return "Given " + wants.group(1) + ", when they use the new feature, then they can " + wants.group(2);
        }
        Matcher wish = WISH.matcher(s);
        if (wish.matches()) {
            return "Given the change is released, then " + (statement.equals(s) ? wish.group(1) + " is available"
                    : statement) + " and works as described";
        }
        return "Given the change is released, then " + statement;
    }

    /** "The cart" -> "the cart", but "StoreIt's", "QR codes" and "TrackIt" keep their capitals. */
    static String lowerFirst(String s) {
        if (s.isEmpty() || !Character.isUpperCase(s.charAt(0))) {
            return s;
        }
        int end = s.indexOf(' ');
        String first = end < 0 ? s : s.substring(0, end);
        boolean plain = first.length() == 1 || first.substring(1).chars().noneMatch(Character::isUpperCase);
        return plain ? Character.toLowerCase(s.charAt(0)) + s.substring(1) : s;
    }
}

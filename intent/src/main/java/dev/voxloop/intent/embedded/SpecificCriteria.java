package dev.voxloop.intent.embedded;

import dev.voxloop.core.intent.IssueType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Acceptance criteria for a request that said something specific: who or where becomes the "given", a condition
 * the "when", and the request itself, turned into a statement that can be checked ("Invoices are sent within ten
 * seconds ..."), the "then"; a bug's regression test names the specifics it must reproduce.
 */
final class SpecificCriteria {

    private static final Pattern LET = Pattern.compile("(?i)^(?:let|allow|enable|help)\\s+(.+)$");
    private static final Pattern ABLE = Pattern.compile("(?i)^(.+?)\\s+should be able to\\s+(.+)$");
    private static final Pattern SHOULD_BE = Pattern.compile("(?i)^(.+?)\\s+should be\\s+(.+)$");
    private static final Pattern SHOULD = Pattern.compile("(?i)^(.+?)\\s+(?:should|must|needs to|has to)\\s+(\\w+)(.*)$");
    private static final Pattern ADD_TO = Pattern.compile(
            "(?i)^(?:add|introduce|offer|provide|support|build)\\s+(.+?)\\s+(?:to|in|on|into)\\s+(?:the\\s+)?(.+)$");
    private static final Pattern ADD = Pattern.compile("(?i)^(?:add|introduce|offer|provide|support|build)\\s+(.+)$");
    /** Chores said as an order: "upgrade Postgres to version sixteen" → "Postgres is upgraded to version sixteen". */
    private static final java.util.Map<String, String> PARTICIPLE = java.util.Map.ofEntries(
            java.util.Map.entry("upgrade", "upgraded"), java.util.Map.entry("migrate", "migrated"),
            java.util.Map.entry("move", "moved"), java.util.Map.entry("rotate", "rotated"),
            java.util.Map.entry("update", "updated"), java.util.Map.entry("remove", "removed"),
            java.util.Map.entry("delete", "deleted"), java.util.Map.entry("rename", "renamed"),
            java.util.Map.entry("document", "documented"), java.util.Map.entry("configure", "configured"),
            java.util.Map.entry("replace", "replaced"), java.util.Map.entry("archive", "archived"),
            java.util.Map.entry("translate", "translated"), java.util.Map.entry("refactor", "refactored"),
            java.util.Map.entry("clean up", "cleaned up"), java.util.Map.entry("set up", "set up"),
            java.util.Map.entry("fix", "fixed"), java.util.Map.entry("show", "shown"),
            java.util.Map.entry("send", "sent"), java.util.Map.entry("enable", "enabled"),
            java.util.Map.entry("disable", "disabled"));
    private static final Pattern DONE = Pattern.compile("(?i)^(" + String.join("|", PARTICIPLE.keySet()).replace(" ",
            "\\s+") + ")\\s+(.+?)((?:\\s+(?:to|from|for|in|on|with|by|so|when|after|before|across|every|each|at)\\b.*)?)$");
    private static final Set<String> GROUPS = Set.of("staff", "people", "everyone", "everybody", "admin", "us", "them",
            "me", "anyone");

    private SpecificCriteria() {
    }

    /** @param s the summary, first letter lower case unless it is a name */
    static List<String> write(IssueType type, String s, Specifics specifics) {
        List<String> where = new ArrayList<>(specifics.settings());
        String given = specifics.settings().isEmpty() ? ""
                : "Given it is used " + String.join(" and ", specifics.settings()) + ", ";
        List<String> out = new ArrayList<>();
        if (type == IssueType.BUG) {
            Matcher m = CriteriaWriter.CONDITION.matcher(s);
            if (m.matches() && m.group(1).split("\\s+").length >= 2) {
                String kw = m.group(2).toLowerCase(Locale.ROOT);
                String when = kw.equals("when") || kw.equals("whenever") || kw.equals("if") ? m.group(3)
                        : "it is tried " + kw + " " + m.group(3);
                out.add(opening(given, "when " + when + ", then") + " this no longer happens: "
                        + without(m.group(1), where));
            } else {
                out.add(opening(given, "then") + " this no longer happens: " + without(s, where));
            }
            List<String> conditions = new ArrayList<>(specifics.settings());
            conditions.addAll(specifics.amounts());
            out.add(conditions.isEmpty() ? "A regression test reproduces it and passes after the fix"
                    : "A regression test reproduces it (" + String.join(", ", conditions) + ") and passes after the fix");
        } else {
            out.add(opening(given, "then") + " " + without(statement(s), where));
        }
        return out;
    }

    /** {@code s} without the settings already said in the "given" (unless too little would be left). */
    private static String without(String s, List<String> settings) {
        String out = s;
        for (String setting : settings) {
            String shorter = out.replace(" " + setting, "").strip();
            out = Words.content(shorter).size() >= 2 ? shorter : out;
        }
        return out;
    }

    private static String opening(String given, String rest) {
        return given.isEmpty() ? rest.substring(0, 1).toUpperCase(Locale.ROOT) + rest.substring(1) : given + rest;
    }

    /**
     * The request as something that holds once it is done: "let customers pay with Klarna" → "customers can pay
     * with Klarna"; "invoices should be sent within ten seconds" → "invoices are sent within ten seconds"; "add
     * Apple Pay to BookIt checkout" → "Apple Pay is available in BookIt checkout". Anything else stays as said.
     */
    static String statement(String s) {
        Matcher let = LET.matcher(s);
        if (let.matches()) {
            String[] words = let.group(1).split("\\s+");
            int end = actorEnd(words);
            if (end < words.length - 1) {
                return String.join(" ", List.of(words).subList(0, end + 1)) + " can "
                        + String.join(" ", List.of(words).subList(end + 1, words.length));
            }
        }
        Matcher able = ABLE.matcher(s);
        if (able.matches()) {
            return able.group(1) + " can " + able.group(2);
        }
        Matcher be = SHOULD_BE.matcher(s);
        if (be.matches()) {
            return be.group(1) + (plural(be.group(1)) ? " are " : " is ") + be.group(2);
        }
        Matcher should = SHOULD.matcher(s);
        if (should.matches()) {
            String verb = should.group(2);
            return should.group(1) + " " + (plural(should.group(1)) ? verb : thirdPerson(verb)) + should.group(3);
        }
        Matcher done = DONE.matcher(s);
        if (done.matches()) {
            String verb = done.group(1).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
            return done.group(2) + (plural(done.group(2)) ? " are " : " is ") + PARTICIPLE.get(verb) + done.group(3);
        }
        Matcher addTo = ADD_TO.matcher(s);
        if (addTo.matches()) {
            return addTo.group(1) + " is available in " + addTo.group(2);
        }
        Matcher add = ADD.matcher(s);
        if (add.matches()) {
            return add.group(1) + " is available";
        }
        return s;
    }

    /** The last word of who is meant in "salon owners block holidays": the first plural within three words. */
    private static int actorEnd(String[] words) {
        for (int i = 0; i < Math.min(3, words.length); i++) {
            String w = words[i].toLowerCase(Locale.ROOT);
            if (GROUPS.contains(w) || w.endsWith("s") && !w.endsWith("ss") && w.length() > 3) {
                return i;
            }
        }
        return 0;
    }

    private static boolean plural(String subject) {
        String[] words = subject.strip().split("\\s+");
        if (Character.isUpperCase(words[words.length - 1].charAt(0))) {
            return false; // a name: "Postgres", "Stripe"
        }
        String last = words[words.length - 1].toLowerCase(Locale.ROOT);
        return GROUPS.contains(last) || last.endsWith("s") && !last.endsWith("ss") && !last.endsWith("us")
                && !last.endsWith("is");
    }

    private static String thirdPerson(String verb) {
        String v = verb.toLowerCase(Locale.ROOT);
        if (v.equals("have")) {
            return "has";
        }
        if (v.equals("be")) {
            return "is";
        }
        if (v.matches(".*(?:s|sh|ch|x|z|o)")) {
            return verb + "es";
        }
        if (v.matches(".*[^aeiou]y")) {
            return verb.substring(0, verb.length() - 1) + "ies";
        }
        return verb + "s";
    }
}

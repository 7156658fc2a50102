package dev.voxloop.intent.text;

import dev.voxloop.core.ticket.Project;
import dev.voxloop.intent.data.TableFile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A summary as a person would write it, from the words of a spoken request: talk that is not the work goes
 * ("um", "so basically", "I want", "can you", "please"), a project name left hanging at the front ("StoreIt so
 * customers can save items") is turned into the sentence it stands for, names are spelled as written (project
 * names, "Safari", "PDF"), and no punctuation is left over. Whatever made the summary (the rules or a model), it
 * passes through here.
 */
public final class SummaryText {

    private static final List<String> PROPER = TableFile.words("/dev/voxloop/intent/text/proper-words.txt")
            .stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
    private static final Pattern FILLER = Pattern.compile(
            "(?i)\\b(?:um+|uh+|erm+|er|hmm+|you know|i mean|basically|actually|literally|kind of|sort of)\\b,?\\s*");
    /** "is like really slow": "like" as a filler, after a form of "be". */
    private static final Pattern LIKE = Pattern.compile("(?i)\\b(is|are|was|were|it's|that's)\\s+like,?\\s+");
    private static final Pattern LEAD = Pattern.compile(
            "(?i)^(?:(?:so|okay|ok|oh|well|yeah|yes|right|alright|and|also|hey|hi|hello|just|now|then|like|please)"
                    + "\\b[,.]?\\s+)+");
    private static final Pattern ASKING = Pattern.compile(
            "(?i)^(?:(?:can|could|would|will) (?:you|we|someone)(?: please)?|i(?:'d| would) like (?:you )?to"
                    + "|i want you to|we should|let's|you should|please)\\s+");
    /** "I want ...", "we need ...": the person's wish, not the work. */
    private static final Pattern WISH = Pattern.compile(
            "(?i)^(?:i|we)(?:'d (?:like|love)|(?: really| also| just)? (?:want|need|would like|wanna|would love))"
                    + "\\s+(?:to have\\s+)?");
    /** "It would be great if shoppers could filter ..." → "let shoppers filter ..."; else the clause after "if". */
    private static final Pattern NICE_IF = Pattern.compile(
            "(?i)^it(?:'d| would) be (?:great|nice|good|useful|helpful|lovely|awesome|cool) if\\s+");
    private static final Pattern COULD = Pattern.compile("(?i)^(.{2,60}?)\\s+(?:could|can|were able to)\\s+(\\w.*)$");
    private static final Pattern ABLE = Pattern.compile("(?i)^(.{2,80}?)\\s+to be able to\\s+(\\w.*)$");
    private static final Pattern SUBJECT_TO = Pattern.compile(
            "(?i)^((?:the|our|all|every|each|their|its|my)\\s+.{1,60}?|(?:[\\w-]+\\s+){0,2}[\\w-]+s)\\s+to\\s+(\\w.*)$");
    private static final Pattern ARTICLE = Pattern.compile("(?i)^(?:a|an|some|more|better)\\s+.*");
    /**
     * Unpunctuated speech: a priority said last runs into the work ("... by size and colour together pretty
     * important"); the priority is the ticket's field, not part of its summary. "The fix is important" keeps its word.
     */
    private static final Pattern TRAILING_LEVEL = Pattern.compile(
            "(?i)(?<!\\b(?:is|are|be|was|were|not|less|more|most))\\s+(?:(?:pretty|very|really|quite|fairly|super)\\s+)?"
                    + "(?:important|urgent|critical|(?:high|higher|highest|low|lower|lowest|top) priority|no rush"
                    + "|not urgent|nice to have)[.!]*$");
    private static final Pattern PLEASE = Pattern.compile("(?i),?\\s*\\bplease\\b,?");
    private static final Pattern LONE_I = Pattern.compile("\\bi\\b(?='|\\s|$)");

    private SummaryText() {
    }

    /**
     * @param summary  the summary as extracted (any case, any punctuation)
     * @param projects the known projects, whose names are spelled as written and which may not dangle in front
     * @return the cleaned sentence; empty when nothing is left
     */
    public static String clean(String summary, List<Project> projects) {
        if (summary == null) {
            return "";
        }
        String s = summary.replace('\n', ' ').replace('’', '\'').replace('“', '"').replace('”', '"');
        s = FILLER.matcher(s).replaceAll("");
        s = LIKE.matcher(s).replaceAll("$1 ");
        s = PLEASE.matcher(s).replaceAll("");
        s = punctuation(s);
        for (int i = 0; i < 3; i++) {
            String before = s;
            s = LEAD.matcher(s).replaceFirst("");
            s = ASKING.matcher(s).replaceFirst("");
            s = wish(s);
            s = niceIf(s);
            s = danglingProject(s, projects);
            if (s.equals(before)) {
                break;
            }
        }
        s = TRAILING_LEVEL.matcher(s).replaceFirst("");
        s = spellNames(s, projects);
        s = LONE_I.matcher(s).replaceAll("I");
        s = punctuation(s);
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    /** "I want the calendar to show next month" → "the calendar should show next month"; "I want a dark mode" → "add a dark mode". */
    private static String wish(String s) {
        Matcher w = WISH.matcher(s);
        if (!w.find()) {
            return s;
        }
        String rest = s.substring(w.end());
        if (rest.regionMatches(true, 0, "to ", 0, 3)) {
            return rest.substring(3);
        }
        Matcher able = ABLE.matcher(rest);
        if (able.matches()) {
            return able.group(1) + " should be able to " + able.group(2);
        }
        if (ARTICLE.matcher(rest).matches()) {
            return "add " + rest;
        }
        Matcher to = SUBJECT_TO.matcher(rest);
        if (to.matches()) {
            return to.group(1) + " should " + to.group(2);
        }
        return rest;
    }

    private static String niceIf(String s) {
        Matcher n = NICE_IF.matcher(s);
        if (!n.find()) {
            return s;
        }
        String rest = s.substring(n.end());
        Matcher could = COULD.matcher(rest);
        return could.matches() ? "let " + could.group(1) + " " + could.group(2) : rest;
    }

    /**
     * A project name left at the front by "add a story to StoreIt so customers can ...": "StoreIt so customers can
     * save items" → "let customers save items"; "In TrackIt the timer ..." → "the timer ..."; "StoreIt: ..." → "...".
     */
    private static String danglingProject(String s, List<Project> projects) {
        for (Project p : projects) {
            boolean coined = !spaced(p.name()).equals(p.name());
            for (String name : List.of(p.name())) {
                Pattern so = Pattern.compile("(?i)^(?:(?:in|for|to|on) )?(?:the )?" + nameRegex(name)
                        + "(?:'s)?(?: (?:project|app|site))?\\s*,?\\s+so(?: that)?\\s+(.+?)\\s+(?:can|could|are able to"
                        + "|is able to)\\s+(.+)$");
                Matcher m = so.matcher(s);
                if (m.matches()) {
                    return "let " + m.group(1) + " " + m.group(2);
                }
                Pattern lead = Pattern.compile("(?i)^(?:(?:in|on|for) (?:the )?)?" + nameRegex(name)
                        + "(?:'s)?(?: (?:project|app|site))?\\s*(?:[:,\\-–—]\\s*|\\s+(?=(?:the|a|an|our|we|users|customers"
                        + "|people|it|there|when|if)\\b))");
                Matcher l = lead.matcher(s);
                if (l.find() && s.length() - l.end() >= 8 && (coined || s.charAt(l.end() - 1) != ' ')) {
                    return s.substring(l.end());
                }
            }
        }
        return s;
    }

    private static String spellNames(String s, List<Project> projects) {
        List<String> names = new ArrayList<>();
        for (Project p : projects) {
            // a coined name ("StoreIt") is always spelled so; an everyday word ("Platform") is left as said
            if (!spaced(p.name()).equals(p.name())) {
                names.add(p.name());
            }
        }
        names.addAll(PROPER);
        for (String name : names) {
            s = Pattern.compile("(?i)(?<![\\w-])" + nameRegex(name) + "(?![\\w-])").matcher(s)
                    .replaceAll(Matcher.quoteReplacement(name));
        }
        return s;
    }

    /** A name as speech-to-text may write it: "StoreIt" also as "store it" or "storeit". */
    private static String nameRegex(String name) {
        String spaced = spaced(name);
        if (spaced.equals(name)) {
            return Pattern.quote(name).replace(" ", "\\E\\s+\\Q");
        }
        return String.join("\\s?", java.util.Arrays.stream(spaced.split(" ")).map(Pattern::quote).toList());
    }

    private static String spaced(String name) {
        return name.replaceAll("(?<=[a-z])(?=[A-Z])", " ");
    }

    /** No space before punctuation, no runs of it, none at either end, one space between words. */
    private static String punctuation(String s) {
        String t = s.replaceAll("\\s+", " ");
        t = t.replaceAll("\\s+([,.;:!?])", "$1");
        t = t.replaceAll("([,;:])[,;:.!?]+", "$1");
        t = t.replaceAll("([.!?])[.!?,;:]+", "$1");
        t = t.replaceAll("^[\\s,.;:!?\\-–—\"')]+", "");
        t = t.replaceAll("[\\s,.;:!?\\-–—\"(]+$", "");
        if (t.chars().filter(c -> c == '"').count() % 2 == 1) {
            t = t.replace("\"", "");
        }
        if (t.chars().filter(c -> c == '(').count() != t.chars().filter(c -> c == ')').count()) {
            t = t.replace("(", "").replace(")", "");
        }
        return t.strip();
    }
}

package dev.voxloop.intent.embedded;

import dev.voxloop.intent.data.TableFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The request as a person said it, cut into clauses, with the parts that are about the ticket rather than
 * the work removed: "Create a bug in StoreIt:", "high priority", "please look into it", "um".
 */
final class RequestText {

    /** Words that state urgency, ignored when deciding whether a clause says anything else. */
    private static final Set<String> PRIORITY_WORDS =
            TableFile.words("/dev/voxloop/intent/embedded/urgency-words.txt");

    private static final Pattern FILLERS = Pattern.compile(
            "(?i)\\b(?:um+|uh+|erm+|er|hmm+|uh-huh|you know|i mean|kind of|sort of)\\b[,]?\\s*");
    private static final Pattern POLITE_START = Pattern.compile(
            "(?i)^(?:(?:so|okay|ok|hey|hi|right|well|alright|and|yeah)[,]?\\s+)*(?:please\\s+)?"
                    + "(?:(?:can|could|would|will) you(?: please)?\\s+|i(?:'d| would) like (?:you )?to\\s+"
                    + "|i want you to\\s+|we should\\s+|let's\\s+|you should\\s+)?(?:please\\s+)?");
    private static final String TYPE = "(?:bug|defect|task|chore|story|user story|epic|sub-?task|ticket|issue"
            + "|feature request|feature)";
    private static final Pattern TICKET_LEAD = Pattern.compile(
            "(?i)^(?:(?:we|i) (?:need|want|would like)|(?:create|file|add|open|make|write|log|raise|submit|start"
                    + "|put in|draft))\\s+(?:a|an|one|new|another)\\s+(?:[\\w-]+\\s+){0,3}?" + TYPE
                    + "(?:\\s+(?:ticket|report|issue|item))?\\s*(?::\\s*|,\\s*|-\\s+|–\\s*|to\\s+|about\\s+|for\\s+"
                    + "|that\\s+|where\\s+|saying\\s+)?");
    private static final Pattern TYPE_LABEL = Pattern.compile("(?i)^" + TYPE + "\\s*[:\\-–—]\\s*");
    private static final Pattern PRIORITY_LABEL = Pattern.compile(
            "(?i)^(?:(?:low|lowest|high|highest|top|medium|normal)[ -](?:priority|prio)|urgent|critical|minor)"
                    + "\\s*[:\\-–—,]\\s*");
    /** "... for the booking site asap": urgency words glued to the end of the work, not part of it. */
    private static final Pattern TRAILING_URGENCY = Pattern.compile(
            "(?i)\\s+(?:asap|urgently|right away|immediately|as soon as possible|please|thanks|thank you)[.!]*$");
    /** Unpunctuated speech: "... on some totals that's a blocker for the accounting team". */
    private static final Pattern URGENCY_TAIL = Pattern.compile(
            "(?i)(?<=\\S{3})\\s+(?:and\\s+)?(?:that's|that is|this is|it's|it is)\\s+(?:a\\s+|an\\s+|really\\s+|very\\s+"
                    + "|super\\s+|pretty\\s+|quite\\s+)?(?:blocker|urgent|critical|an emergency|emergency|top priority"
                    + "|high priority|low priority|important|not urgent|minor|trivial)\\b(?:\\s+\\S+){0,6}$");
    /** Unpunctuated speech running into its next sentence: "add apple pay it should take under two seconds". */
    private static final Pattern RUN_ON = Pattern.compile(
            "(?i)\\s(?:and\\s+)?(?=(?:it|this|that|which|they)\\s+(?:should|must|needs? to|has to|have to|shall)\\s)");
    private static final Pattern CLAUSE_SPLIT = Pattern.compile("(?<=[.!?;])\\s+|,\\s+|\\s+[-–—]\\s+");
    /** Closing clauses that ask for attention rather than describe work. */
    private static final Pattern ASIDE = Pattern.compile(
            "(?i)^(?:please |can you |could you |and )?(?:look into it|take a look|have a look|check it out"
                    + "|thanks|thank you|cheers|if possible|if you can|when you can|please)\\W*$");

    private RequestText() {
    }

    static String clean(String text) {
        String t = text == null ? "" : text.replace('\n', ' ').replace('’', '\'');
        t = FILLERS.matcher(t).replaceAll("");
        return t.replaceAll("\\s+", " ").strip();
    }

    /**
     * The work itself: lead-ins about the ticket and clauses that only state priority or politeness go.
     *
     * @param projectLead a project name or key that opens the request ("In StoreIt, ..."), or null
     */
    static String work(String text, List<String> projectNames) {
        String t = clean(text);
        for (int i = 0; i < 4; i++) {
            String before = t;
            t = POLITE_START.matcher(t).replaceFirst("");
            t = TICKET_LEAD.matcher(t).replaceFirst("");
            t = TYPE_LABEL.matcher(t).replaceFirst("");
            t = PRIORITY_LABEL.matcher(t).replaceFirst("");
            t = stripProjectLead(t, projectNames);
            if (t.equals(before)) {
                break;
            }
        }
        List<String> kept = new ArrayList<>();
        for (String clause : clauses(t)) {
            if (isPriorityOnly(clause) || ASIDE.matcher(clause).matches()) {
                continue;
            }
            kept.add(clause);
        }
        // clauses came apart at commas and at sentence ends: put each back the way it was cut
        StringBuilder b = new StringBuilder();
        for (String clause : kept) {
            if (!b.isEmpty()) {
                b.append(b.toString().matches("(?s).*[.!?;]$") ? " " : ", ");
            }
            b.append(clause);
        }
        String joined = b.toString().replaceAll("\\s*,\\s*([.!?])", "$1").strip();
        joined = TRAILING_URGENCY.matcher(joined).replaceFirst("");
        joined = URGENCY_TAIL.matcher(joined).replaceFirst("");
        return joined.replaceAll("[\\s,;:.!?-]+$", "");
    }

    static List<String> clauses(String text) {
        List<String> out = new ArrayList<>();
        for (String c : CLAUSE_SPLIT.split(text)) {
            String s = c.strip();
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }

    /** A clause that only says how urgent it is: "high priority", "this is urgent", "Critical.", "no rush". */
    static boolean isPriorityOnly(String clause) {
        if (PriorityWords.find(clause).isEmpty()) {
            return false;
        }
        List<String> rest = Words.tokens(clause).stream().filter(w -> !Words.STOP.contains(w))
                .filter(w -> !PRIORITY_WORDS.contains(w)).toList();
        return rest.size() <= 1;
    }

    private static String stripProjectLead(String t, List<String> projectNames) {
        for (String name : projectNames) {
            // "Task for BookIt move the reminders ...": the type said first, as speech writes it, with no colon
            Pattern typed = Pattern.compile("(?i)^" + TYPE + "\\s+(?:for|in)\\s+(?:the\\s+)?" + Pattern.quote(name)
                    + "(?:'s)?\\s*[:,\\-–]?\\s+");
            String untyped = typed.matcher(t).replaceFirst("");
            if (!untyped.equals(t)) {
                return untyped;
            }
            Pattern lead = Pattern.compile("(?i)^(?:in|for|on|at)\\s+(?:the\\s+)?" + Pattern.quote(name)
                    + "(?:'s)?(?:\\s+(?:project|app))?\\s*[:,\\-–]\\s*");
            String stripped = lead.matcher(t).replaceFirst("");
            if (!stripped.equals(t)) {
                return stripped;
            }
            Pattern label = Pattern.compile("(?i)^" + Pattern.quote(name) + "\\s*[:\\-–]\\s*");
            stripped = label.matcher(t).replaceFirst("");
            if (!stripped.equals(t)) {
                return stripped;
            }
        }
        return t;
    }

    /** Summary: the work's first sentence, capitalised, at most {@code max} characters, cut at a word. */
    static String summary(String work, int max) {
        String first = work;
        int dot = firstSentenceEnd(work);
        if (dot > 0) {
            first = work.substring(0, dot);
        }
        first = first.replaceAll("[\\s,;:.!?-]+$", "").strip();
        if (first.length() > max) {
            int cut = first.lastIndexOf(' ', max - 1);
            first = first.substring(0, cut > max / 2 ? cut : max - 1).strip();
        }
        return first.isEmpty() ? first : first.substring(0, 1).toUpperCase(Locale.ROOT) + first.substring(1);
    }

    private static int firstSentenceEnd(String s) {
        for (int i = 0; i < s.length() - 1; i++) {
            char c = s.charAt(i);
            if ((c == '.' || c == '!' || c == '?') && Character.isWhitespace(s.charAt(i + 1)) && i > 10) {
                return i;
            }
        }
        Matcher runOn = RUN_ON.matcher(s);
        return runOn.find() && runOn.start() > 10 && s.lastIndexOf(',', runOn.start()) < 0 ? runOn.start() : -1;
    }

}

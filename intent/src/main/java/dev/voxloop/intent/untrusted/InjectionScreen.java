package dev.voxloop.intent.untrusted;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds instruction-like content in untrusted text so the person sees a flag in the preview. It never rejects:
 * the real protection is that untrusted text reaches a model only inside an escaped {@link UntrustedBlock}.
 *
 * <p>Unlike the original filter (inventory 1.8, gap 19) a verb alone never triggers: "disregard the old
 * mockups" or "the payment system: ..." are ordinary requests. A pattern needs an instruction-like OBJECT
 * ("previous instructions", "what you were told") or a role marker at the start of a line.
 */
public final class InjectionScreen {

    /** Prefix of every flag this screen raises, e.g. "possible_injection: override instructions (...)". */
    public static final String FLAG = "possible_injection";

    private record Rule(String name, Pattern pattern) {
    }

    private static final String OVERRIDE_VERB = "(?:ignore|disregard|forget|skip|drop|override|overrule|bypass"
            + "|abandon|neglect|discard|throw away|set aside|pay no attention to|stop following|don't follow"
            + "|do not follow|don't obey|do not obey|don't listen to|do not listen to|no longer follow)";
    private static final String DET = "(?:(?:all|any|every|each|of|the|your|my|these|those|our|its|his|her|their"
            + "|whatever|such)\\s+){0,3}";
    private static final String WHICH = "(?:(?:previous|previously given|prior|earlier|above|preceding|foregoing"
            + "|original|initial|system|existing|former|old|given|current|standing|built-in|default|hidden|secret"
            + "|developer|safety|other)\\s+){0,2}";
    private static final String INSTRUCTION_NOUN = "(?:instructions?|prompts?|rules|directions|directives|guidelines"
            + "|guidance|commands|orders|constraints|programming|system prompt|system message|policies|restrictions"
            + "|safeguards|filters|context|messages?|text above|conversation)";

    /** "drop the old rules table" is about a thing in the product, not about instructions. */
    private static final String NOT_A_THING = "(?!\\s+(?:table|tables|file|files|page|pages|engine|list|lists|column"
            + "|columns|sheet|document|view|section|tab|screen|module|service|field|fields|folder|database|editor"
            + "|feature|button|setting|settings)\\b)";

    private static final List<Rule> RULES = List.of(
            new Rule("override instructions", Pattern.compile(
                    "\\b" + OVERRIDE_VERB + "\\s+" + DET + WHICH + INSTRUCTION_NOUN + "\\b" + NOT_A_THING)),
            new Rule("override what the model was told", Pattern.compile(
                    "\\b" + OVERRIDE_VERB + "\\s+(?:\\w+\\s+){0,3}?(?:what|everything|anything|all|whatever)\\s+"
                            + "(?:\\w+\\s+){0,2}?(?:you\\s+(?:were|have been|'ve been|got|had been)|you've been"
                            + "|you're|you are|was|were)\\s+(?:\\w+\\s+)?(?:told|instructed|asked|given|programmed"
                            + "|trained|prompted|set up|configured|taught)\\b")),
            new Rule("override everything before", Pattern.compile(
                    "\\b" + OVERRIDE_VERB + "\\s+(?:everything|all(?: of it)?|anything|all that)\\s*(?:above|before"
                            + "|previously|earlier|so far|else|up to (?:here|now)|you know|you(?:'ve| have) (?:been )?"
                            + "(?:told|read|seen))")),
            new Rule("forget everything", Pattern.compile("\\bforget\\s+(?:about\\s+)?(?:everything|all of that)\\b"
                    + "(?!\\s+(?:about|in|on|related)\\s+(?:the|that|this|our)\\s+(?:old|previous|first))")),
            new Rule("role change", Pattern.compile(
                    "\\byou are (?:now|no longer)\\b|\\bfrom now on,?\\s+(?:you|always|only|respond|reply|answer|"
                            + "output|act|behave|ignore)\\b|\\bpretend (?:to be|you are|you're|that you)\\b|\\b(?:act|"
                            + "behave|respond|answer) as (?:if you (?:were|are)|though you (?:were|are)|an? )?(?:"
                            + "(?:unrestricted|unfiltered|jailbroken|evil|different|new)\\s+)?(?:ai|assistant|model|"
                            + "chatbot|llm|system|dan|admin(?:istrator)?|root|developer mode)\\b|\\b(?:developer|god|"
                            + "jailbreak|dan|sudo) mode\\b")),
            new Rule("role marker", Pattern.compile(
                    "(?m)^\\s*(?:system|assistant|developer|user|human|ai)\\s*:\\s*\\S|</?\\s*(?:system|assistant|"
                            + "user|developer|instructions?|im_start|im_end|s)\\s*>|<\\|[a-z_]+\\|>|\\[/?inst\\]|"
                            + "#{2,}\\s*(?:system|instruction|new instructions?)\\b")),
            new Rule("new instructions", Pattern.compile(
                    "\\b(?:new|updated|real|actual|true|revised|override|priority|secret|hidden)\\s+(?:system\\s+)?"
                            + "(?:instructions?|system prompt|prompt|rules|orders)\\s*(?::|are\\b|follow\\b|below\\b"
                            + "|take precedence|override)")),
            new Rule("output takeover", Pattern.compile(
                    "\\binstead,?\\s+(?:just\\s+)?(?:respond|reply|output|print|return|say|write|answer)\\s+(?:with"
                            + "|only|exactly|that|the)\\b|\\b(?:respond|reply|answer|output)\\s+only\\s+with\\b|\\b(?:"
                            + "your|the)\\s+(?:only\\s+)?(?:response|reply|output|answer)\\s+(?:must|should|will)\\s+"
                            + "(?:be|only be|contain)\\s+(?:exactly|only|the word|the text)\\b")),
            new Rule("prompt exfiltration", Pattern.compile(
                    "\\b(?:reveal|show|print|repeat|tell me|output|leak|disclose|dump|give me|what (?:is|are))\\s+"
                            + "(?:me\\s+)?(?:your\\s+(?:(?:system|initial|original|hidden|secret)\\s+)?(?:system prompt"
                            + "|prompt|instructions|rules|api keys?|secrets?|credentials|passwords?)|the\\s+(?:system|"
                            + "initial|original|hidden|secret)\\s+(?:prompt|instructions))\\b")),
            new Rule("dangerous command", Pattern.compile(
                    "\\brm\\s+-(?:rf|fr)\\b|\\b(?:curl|wget)\\b[^\\n|]{0,200}\\|\\s*(?:sudo\\s+)?(?:ba|z)?sh\\b|"
                            + "\\b(?:execute|run)\\s+(?:this|the following)\\s+(?:command|script|code|shell)\\b|"
                            + ":\\(\\)\\s*\\{\\s*:\\|:&\\s*\\};:|\\bchmod\\s+777\\s+/")));

    /** Zero-width and bidi control characters that can hide words from a reader. */
    private static final Pattern INVISIBLE = Pattern.compile("[\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u2064\\uFEFF]");

    /**
     * @return one flag per kind of instruction-like content found, e.g.
     *         {@code possible_injection: override instructions ("ignore the previous instructions")}
     */
    public List<String> flags(String untrusted) {
        if (untrusted == null || untrusted.isBlank()) {
            return List.of();
        }
        String t = normalise(untrusted);
        List<String> flags = new ArrayList<>();
        if (INVISIBLE.matcher(untrusted).find()) {
            flags.add(FLAG + ": hidden characters (zero-width or text-direction controls)");
        }
        for (Rule r : RULES) {
            Matcher m = r.pattern.matcher(t);
            if (m.find()) {
                flags.add(FLAG + ": " + r.name + " (\"" + snippet(t, m.start(), m.end()) + "\")");
            }
        }
        return List.copyOf(flags);
    }

    public boolean suspicious(String untrusted) {
        return !flags(untrusted).isEmpty();
    }

    static String normalise(String s) {
        String t = Normalizer.normalize(s, Normalizer.Form.NFKC);
        t = INVISIBLE.matcher(t).replaceAll("");
        t = t.replace('’', '\'').replace('‘', '\'').replace('“', '"').replace('”', '"');
        t = t.toLowerCase(Locale.ROOT);
        // collapse spaced-out words and runs of whitespace within a line, keep line starts for role markers
        t = t.replaceAll("[\\t\\x0B\\f\\r ]+", " ");
        return t;
    }

    private static String snippet(String t, int start, int end) {
        String s = t.substring(start, Math.min(end, start + 80)).strip().replace('"', '\'').replace('\n', ' ');
        return s;
    }
}

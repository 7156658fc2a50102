package dev.voxloop.intent.untrusted;

import dev.voxloop.intent.data.TableFile;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds instruction-like content in untrusted text so the person sees a flag in the preview. It never rejects:
 * the real protection is that untrusted text reaches a model only escaped ({@link UntrustedBlock}).
 *
 * <p>A verb alone never triggers: "disregard the old mockups" or "the payment system: ..." are ordinary
 * requests. A rule needs an instruction-like OBJECT ("previous instructions", "what you were told") or a role
 * marker at the start of a line; the rules are data, in {@link #RULES_FILE}.
 */
public final class InjectionScreen {

    /** Prefix of every flag this screen raises, e.g. "possible_injection: override instructions (...)". */
    public static final String FLAG = "possible_injection";

    private record Rule(String name, Pattern pattern) {
    }

    /** The rules, one flag each: resources/dev/voxloop/intent/untrusted/injection-rules.tsv says what each catches. */
    static final String RULES_FILE = "/dev/voxloop/intent/untrusted/injection-rules.tsv";
    private static final List<Rule> RULES = TableFile.load(RULES_FILE, 2).rows().stream()
            .map(r -> new Rule(r.cell(0), r.pattern(1))).toList();

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

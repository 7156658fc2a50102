package dev.voxloop.intent.embedded;

import dev.voxloop.intent.data.TableFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Word-level text handling for the rules: tokens, a light stemmer and the words that carry no subject. */
final class Words {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['’-][\\p{L}\\p{N}]+)*");

    /** Function words and request boilerplate: never a subject, never domain vocabulary. */
    static final Set<String> STOP = TableFile.words("/dev/voxloop/intent/embedded/stop-words.txt");

    /**
     * Verbs and adjectives that say THAT something should change but not WHAT: a request made only of these
     * (plus stop words and a single noun) has no concrete subject ("make it faster", "fix the thing").
     */
    static final Set<String> VAGUE = TableFile.words("/dev/voxloop/intent/embedded/vague-words.txt");

    private Words() {
    }

    static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT).replace('’', '\''));
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    /**
     * A deliberately small suffix stemmer: enough to meet "invoices"/"invoicing", "bookings"/"booking"; British
     * and American spellings meet too ("catalogue"/"catalog", {@link AmericanSpelling}).
     */
    static String stem(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        if (w.endsWith("'s")) {
            w = w.substring(0, w.length() - 2);
        }
        w = AmericanSpelling.word(w.replace("'", ""));
        if (w.length() <= 3) {
            return w;
        }
        if (w.endsWith("ies") && w.length() > 4) {
            w = w.substring(0, w.length() - 3) + "y";
        } else if (w.endsWith("sses")) {
            w = w.substring(0, w.length() - 2);
        } else if (w.endsWith("ing") && w.length() > 5) {
            w = undouble(w.substring(0, w.length() - 3));
        } else if (w.endsWith("ed") && w.length() > 4) {
            w = undouble(w.substring(0, w.length() - 2));
        } else if (w.endsWith("es") && w.length() > 4 && "sxzh".indexOf(w.charAt(w.length() - 3)) >= 0) {
            w = w.substring(0, w.length() - 2);
        } else if (w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
            w = w.substring(0, w.length() - 1);
        }
        if (w.endsWith("e") && w.length() > 4) {
            w = w.substring(0, w.length() - 1);
        }
        if (w.endsWith("y") && w.length() > 4) {
            w = w.substring(0, w.length() - 1) + "i";
        }
        return w;
    }

    private static String undouble(String w) {
        int n = w.length();
        if (n >= 3 && w.charAt(n - 1) == w.charAt(n - 2) && "lsz".indexOf(w.charAt(n - 1)) < 0) {
            return w.substring(0, n - 1);
        }
        return w;
    }

    /** Content words: tokens that are neither stop words nor vague. */
    static List<String> content(String text) {
        return tokens(text).stream().filter(t -> !STOP.contains(t) && !VAGUE.contains(t))
                .filter(t -> t.length() > 1 || Character.isDigit(t.charAt(0))).toList();
    }
}

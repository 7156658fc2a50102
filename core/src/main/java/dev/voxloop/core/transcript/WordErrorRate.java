package dev.voxloop.core.transcript;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Word error rate: word-level edit distance over the reference length, on the spoken form of both texts:
 * lower case, accents and punctuation stripped, and the reference's run-together names and acronyms said the
 * way a voice says them ("BookIt" is "book it", "QR" is "q r"), so an engine that writes "bookit" or "qr" for
 * them is not counted wrong, nor one that writes the separate words.
 */
public final class WordErrorRate {

    private WordErrorRate() {
    }

    public static List<String> words(String s) {
        return words(s, Map.of());
    }

    private static List<String> words(String s, Map<String, List<String>> spoken) {
        String ascii = Normalizer.normalize(s, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        List<String> out = new ArrayList<>();
        for (String w : ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9' ]", " ").split("\\s+")) {
            String t = w.replaceAll("^'+|'+$", "");
            if (!t.isEmpty()) {
                out.addAll(spoken.getOrDefault(t, List.of(t)));
            }
        }
        return out;
    }

    /** "BookIt" -> [book, it], "CSV" -> [c, s, v]: the reference's own names and acronyms, by their letters. */
    private static Map<String, List<String>> spokenForms(String reference) {
        Map<String, List<String>> out = new HashMap<>();
        for (String token : reference.split("[^\\p{L}\\p{N}]+")) {
            if (token.matches("\\p{Lu}{2,4}")) {
                out.put(token.toLowerCase(Locale.ROOT), token.toLowerCase(Locale.ROOT).chars()
                        .mapToObj(c -> String.valueOf((char) c)).toList());
            } else if (token.matches("\\p{Lu}\\p{Ll}+(\\p{Lu}\\p{Ll}+)+")) {
                out.put(token.toLowerCase(Locale.ROOT),
                        List.of(token.replaceAll("(\\p{Ll})(\\p{Lu})", "$1 $2").toLowerCase(Locale.ROOT).split(" ")));
            }
        }
        return out;
    }

    /** The reference in spoken form: the words a perfect transcript has. */
    public static List<String> referenceWords(String reference) {
        return words(reference, spokenForms(reference));
    }

    /** Substitutions + deletions + insertions needed to turn the hypothesis into the reference. */
    public static int errors(String reference, String hypothesis) {
        Map<String, List<String>> spoken = spokenForms(reference);
        List<String> r = words(reference, spoken);
        List<String> h = words(hypothesis, spoken);
        int[] prev = new int[h.size() + 1];
        int[] cur = new int[h.size() + 1];
        for (int j = 0; j <= h.size(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= r.size(); i++) {
            cur[0] = i;
            for (int j = 1; j <= h.size(); j++) {
                int sub = prev[j - 1] + (r.get(i - 1).equals(h.get(j - 1)) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[h.size()];
    }

    public static double of(String reference, String hypothesis) {
        int n = referenceWords(reference).size();
        return n == 0 ? (words(hypothesis).isEmpty() ? 0 : 1) : errors(reference, hypothesis) / (double) n;
    }
}

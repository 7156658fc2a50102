package dev.voxloop.core.transcript;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Word error rate: word-level edit distance over the reference length, lower-cased, punctuation stripped. */
public final class WordErrorRate {

    private WordErrorRate() {
    }

    public static List<String> words(String s) {
        List<String> out = new ArrayList<>();
        for (String w : s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9' ]", " ").split("\\s+")) {
            String t = w.replaceAll("^'+|'+$", "");
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }

    /** Substitutions + deletions + insertions needed to turn the hypothesis into the reference. */
    public static int errors(String reference, String hypothesis) {
        List<String> r = words(reference);
        List<String> h = words(hypothesis);
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
        int n = words(reference).size();
        return n == 0 ? (words(hypothesis).isEmpty() ? 0 : 1) : errors(reference, hypothesis) / (double) n;
    }
}

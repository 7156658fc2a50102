package dev.voxloop.speech.engine.offline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A trigram language model in ARPA text form, estimated from sentences with interpolated absolute discounting
 * and written with back-off weights so that Sphinx4's {@code SimpleNGramModel} reads the same distribution.
 */
public final class ArpaTrigramModel {

    private static final String BOS = "<s>";
    private static final String EOS = "</s>";
    private static final double DISCOUNT = 0.7;
    private static final double UNIFORM_SHARE = 0.01;

    private final Map<String, Integer> unigrams = new TreeMap<>();
    private final Map<String, Map<String, Integer>> bigrams = new TreeMap<>();
    private final Map<String, Map<String, Integer>> trigrams = new TreeMap<>();
    private long tokens;

    public ArpaTrigramModel(List<String> sentences) {
        for (String s : sentences) {
            List<String> w = new ArrayList<>();
            w.add(BOS);
            w.addAll(DomainCorpus.words(s));
            w.add(EOS);
            for (int i = 0; i < w.size(); i++) {
                if (i > 0) {
                    unigrams.merge(w.get(i), 1, Integer::sum);
                    tokens++;
                    bigrams.computeIfAbsent(w.get(i - 1), k -> new TreeMap<>()).merge(w.get(i), 1, Integer::sum);
                }
                if (i > 1) {
                    trigrams.computeIfAbsent(w.get(i - 2) + " " + w.get(i - 1), k -> new TreeMap<>())
                            .merge(w.get(i), 1, Integer::sum);
                }
            }
        }
        unigrams.putIfAbsent(BOS, 0);
    }

    /** Words of the model (without the sentence markers). */
    public Set<String> vocabulary() {
        Set<String> v = new TreeSet<>(unigrams.keySet());
        v.remove(BOS);
        v.remove(EOS);
        return v;
    }

    public String toArpa() {
        int v = unigrams.size() - 1; // <s> is never predicted
        Map<String, Double> p1 = new HashMap<>();
        for (Map.Entry<String, Integer> e : unigrams.entrySet()) {
            if (!e.getKey().equals(BOS)) {
                p1.put(e.getKey(), (1 - UNIFORM_SHARE) * e.getValue() / tokens + UNIFORM_SHARE / v);
            }
        }
        Map<String, Double> p2 = new HashMap<>();
        Map<String, Double> bow1 = new HashMap<>();
        for (Map.Entry<String, Map<String, Integer>> h : bigrams.entrySet()) {
            Estimate est = estimate(h.getValue(), w -> p1.get(w));
            h.getValue().keySet().forEach(w -> p2.put(h.getKey() + " " + w, est.probs.get(w)));
            bow1.put(h.getKey(), est.backoff);
        }
        Map<String, Double> p3 = new HashMap<>();
        Map<String, Double> bow2 = new HashMap<>();
        for (Map.Entry<String, Map<String, Integer>> h : trigrams.entrySet()) {
            String lastWord = h.getKey().substring(h.getKey().indexOf(' ') + 1);
            Estimate est = estimate(h.getValue(), w -> lowerBigram(lastWord, w, p1, p2, bow1));
            h.getValue().keySet().forEach(w -> p3.put(h.getKey() + " " + w, est.probs.get(w)));
            bow2.put(h.getKey(), est.backoff);
        }
        StringBuilder sb = new StringBuilder(1 << 20);
        sb.append("\\data\\\n");
        sb.append("ngram 1=").append(unigrams.size()).append('\n');
        sb.append("ngram 2=").append(p2.size()).append('\n');
        sb.append("ngram 3=").append(p3.size()).append("\n\n");
        sb.append("\\1-grams:\n");
        for (String w : unigrams.keySet()) {
            double lp = w.equals(BOS) ? -99 : Math.log10(p1.get(w));
            sb.append(fmt(lp)).append(' ').append(w);
            if (!w.equals(EOS)) {
                sb.append(' ').append(fmt(Math.log10(bow1.getOrDefault(w, 1.0))));
            }
            sb.append('\n');
        }
        sb.append("\n\\2-grams:\n");
        for (Map.Entry<String, Map<String, Integer>> h : bigrams.entrySet()) {
            for (String w : h.getValue().keySet()) {
                String g = h.getKey() + " " + w;
                sb.append(fmt(Math.log10(p2.get(g)))).append(' ').append(g);
                if (!w.equals(EOS)) {
                    sb.append(' ').append(fmt(Math.log10(bow2.getOrDefault(g, 1.0))));
                }
                sb.append('\n');
            }
        }
        sb.append("\n\\3-grams:\n");
        for (Map.Entry<String, Map<String, Integer>> h : trigrams.entrySet()) {
            for (String w : h.getValue().keySet()) {
                String g = h.getKey() + " " + w;
                sb.append(fmt(Math.log10(p3.get(g)))).append(' ').append(g).append('\n');
            }
        }
        sb.append("\n\\end\\\n");
        return sb.toString();
    }

    private static double lowerBigram(String h, String w, Map<String, Double> p1, Map<String, Double> p2,
                                      Map<String, Double> bow1) {
        Double seen = p2.get(h + " " + w);
        return seen != null ? seen : bow1.getOrDefault(h, 1.0) * p1.get(w);
    }

    private record Estimate(Map<String, Double> probs, double backoff) {
    }

    /**
     * p(w|h) = max(c-D,0)/c(h) + gamma(h) * lower(w); back-off weight = unused mass / lower mass of unseen.
     */
    private static Estimate estimate(Map<String, Integer> counts, java.util.function.Function<String, Double> lower) {
        double total = 0;
        for (int c : counts.values()) {
            total += c;
        }
        double gamma = DISCOUNT * counts.size() / total;
        Map<String, Double> probs = new HashMap<>();
        double seenMass = 0;
        double seenLower = 0;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            double low = lower.apply(e.getKey());
            double p = Math.max(e.getValue() - DISCOUNT, 0) / total + gamma * low;
            probs.put(e.getKey(), p);
            seenMass += p;
            seenLower += low;
        }
        double backoff = seenLower >= 1 ? 1e-6 : Math.max(1e-9, (1 - seenMass) / (1 - seenLower));
        return new Estimate(probs, backoff);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.5f", v);
    }
}

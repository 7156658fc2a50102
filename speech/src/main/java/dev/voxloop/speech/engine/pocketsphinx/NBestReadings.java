package dev.voxloop.speech.engine.pocketsphinx;

import dev.voxloop.core.transcript.Hypothesis;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The distinct readings among the lattice's best paths, each with its posterior share: paths that read the same
 * once fillers and pronunciation variants are dropped are one reading (their probabilities add up), and a path's
 * probability is exp(score / {@code scale}), normalised over the readings kept. The A* search's path scores, read
 * as natural logarithms, differ between competing paths by only hundredths, so the scale decides how strongly
 * the better paths are preferred: it was chosen on the development sets, not derived.
 *
 * @param scale    the path score is divided by this before it is exponentiated (1 = the score as read)
 * @param readings at most this many readings are kept (the best always among them)
 */
record NBestReadings(double scale, int readings) {

    NBestReadings {
        if (!(scale > 0) || readings < 1) {
            throw new IllegalArgumentException("scale must be positive and readings at least 1");
        }
    }

    /**
     * @param best  the best hypothesis as the decoder's best-path search gives it
     * @param paths the lattice's best paths, with their log scores
     * @return the readings, best first and then by weight, weights summing to 1; empty when there are no paths
     */
    List<Hypothesis> of(String best, List<PocketSphinxDecoder.LatticePath> paths) {
        if (paths.isEmpty()) {
            return List.of();
        }
        double top = paths.stream().mapToDouble(PocketSphinxDecoder.LatticePath::logScore).max().orElseThrow();
        Map<String, Double> mass = new LinkedHashMap<>();
        for (PocketSphinxDecoder.LatticePath p : paths) {
            mass.merge(p.text(), Math.exp((p.logScore() - top) / scale), Double::sum);
        }
        // the best-path search and the A* search may order near-ties differently: the text shown leads
        mass.putIfAbsent(best, 1.0);
        List<Map.Entry<String, Double>> ranked = new ArrayList<>(mass.entrySet());
        ranked.sort(Map.Entry.<String, Double>comparingByValue().reversed());
        List<Map.Entry<String, Double>> kept = new ArrayList<>();
        kept.add(Map.entry(best, mass.get(best)));
        for (Map.Entry<String, Double> e : ranked) {
            if (kept.size() < readings && !e.getKey().equals(best)) {
                kept.add(e);
            }
        }
        double sum = kept.stream().mapToDouble(Map.Entry::getValue).sum();
        return kept.stream().map(e -> new Hypothesis(e.getKey(), Math.min(1, e.getValue() / sum))).toList();
    }
}

package dev.voxloop.intent.embedded;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The choice that agrees with the most likely readings: each reading of a request makes its own choice (a
 * project, a type), and the choice with the most probability mass wins (the minimum-risk decision when each
 * field is right or wrong as a whole). Its confidence is what the readings that made it expect: the sum of
 * their weights times their own confidence, so a choice half the readings make is never more than half sure.
 *
 * @param choice     the winning choice, or null when no reading made one
 * @param mass       the weight of the readings that made it
 * @param confidence the expected confidence, 0..1
 */
record ReadingVote<T>(T choice, double mass, double confidence) {

    /** One reading's own choice and how sure it is; choice null when it made none. */
    record Ballot<T>(T choice, double confidence) {
    }

    static <T> ReadingVote<T> of(List<HeardReading> readings, Function<HeardReading, Ballot<T>> ballot) {
        Map<T, double[]> tally = new LinkedHashMap<>();
        for (HeardReading r : readings) {
            Ballot<T> b = ballot.apply(r);
            if (b.choice() != null) {
                double[] t = tally.computeIfAbsent(b.choice(), k -> new double[2]);
                t[0] += r.weight();
                t[1] += r.weight() * b.confidence();
            }
        }
        return tally.entrySet().stream().max((a, b) -> Double.compare(a.getValue()[0], b.getValue()[0]))
                .map(e -> new ReadingVote<>(e.getKey(), e.getValue()[0], Math.min(1, e.getValue()[1])))
                .orElse(new ReadingVote<>(null, 0, 0));
    }
}

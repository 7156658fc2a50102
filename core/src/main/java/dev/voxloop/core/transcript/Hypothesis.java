package dev.voxloop.core.transcript;

/**
 * One reading of a recording among the speech engine's N best, with its share of the probability the engine
 * gives those readings together.
 *
 * @param text   the words of this reading
 * @param weight its posterior share, 0..1 (the hypotheses of one transcript sum to 1)
 */
public record Hypothesis(String text, double weight) {

    public Hypothesis {
        text = text == null ? "" : text.strip();
        if (Double.isNaN(weight) || weight < 0 || weight > 1) {
            throw new IllegalArgumentException("weight must be between 0 and 1, got " + weight);
        }
    }
}

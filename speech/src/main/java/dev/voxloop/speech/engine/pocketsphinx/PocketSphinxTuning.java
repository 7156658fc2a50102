package dev.voxloop.speech.engine.pocketsphinx;

import java.util.List;

/**
 * How the offline engine searches: the weight of the domain model against the general English model, and
 * PocketSphinx's beams, chosen on the development sets (docs/benchmarks.md, Speech) for 2 cores.
 *
 * @param domainWeight share of the domain model in the interpolated probability (0..1)
 * @param options      further PocketSphinx flags as flag/value pairs
 */
public record PocketSphinxTuning(double domainWeight, List<String> options) {

    public PocketSphinxTuning {
        if (domainWeight <= 0 || domainWeight >= 1) {
            throw new IllegalArgumentException("domain weight must be between 0 and 1, got " + domainWeight);
        }
        options = List.copyOf(options);
    }

    /**
     * Domain weight 0.3; at most 5,000 HMMs and 10 word exits per frame (2 cores); and PocketSphinx's own noise
     * subtraction off ({@code -remove_noise no}): it estimates a noise spectrum from the quietest frames and
     * subtracts it from every frame, which on audio whose pauses are near digital silence (synthetic voices,
     * close microphones, the intake's trimmed recordings) eats into the speech itself and drops words.
     */
    public static PocketSphinxTuning defaults() {
        return new PocketSphinxTuning(0.3, List.of("-maxhmmpf", "5000", "-maxwpf", "10", "-remove_noise", "no"));
    }
}

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
     * Domain weight 0.3; at most 5,000 HMMs and 10 word exits per frame (2 cores); PocketSphinx's own noise
     * suppression off ({@code -remove_noise no}): it attenuates whatever sits near a per-band noise floor it
     * tracks, which dropped words of unusual voices (espeak-ng) and bought nothing on the others; the intake has
     * already trimmed the silence.
     */
    public static PocketSphinxTuning defaults() {
        return new PocketSphinxTuning(0.3, List.of("-maxhmmpf", "5000", "-maxwpf", "10", "-remove_noise", "no"));
    }
}

package dev.voxloop.speech.audio;

/**
 * Telephone-band audio (sampled at 8 kHz or less) has nothing above 4 kHz, where the 16 kHz acoustic model
 * expects the energy of fricatives such as s, sh and f; resampled the usual way, every sound looks muffled to
 * it. Upsampling to 16 kHz by inserting zeros, without the usual image filter, mirrors the 0-4 kHz band into
 * 4-8 kHz (spectral folding): a crude bandwidth extension that gives the model high-band energy where the
 * speech has it. Measured on the development sets (docs/benchmarks.md, Speech).
 */
final class NarrowbandFolding {

    /** Source rates at or below this are treated as telephone band. */
    static final int NARROWBAND_RATE = 8_000;

    private NarrowbandFolding() {
    }

    static boolean applies(int sampleRate) {
        return sampleRate <= NARROWBAND_RATE;
    }

    /** 16 kHz samples whose upper band mirrors the lower one. */
    static float[] toWideband(float[] samples, int sampleRate) {
        float[] narrow = sampleRate == NARROWBAND_RATE ? samples
                : Resampler.resample(samples, sampleRate, NARROWBAND_RATE);
        float[] out = new float[narrow.length * 2];
        for (int i = 0; i < narrow.length; i++) {
            // doubled so the folded signal keeps the original's level
            out[2 * i] = Math.max(-1f, Math.min(1f, 2 * narrow[i]));
        }
        return out;
    }
}

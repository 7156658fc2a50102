package dev.voxloop.speech.audio;

/**
 * Band-limited sample-rate conversion: every output sample is a Blackman-windowed sinc interpolation of the
 * input. When going down in rate the sinc's cut-off moves to 95% of the new Nyquist frequency, so the filter
 * is also the anti-aliasing low-pass.
 */
public final class Resampler {

    /** Zero crossings of the sinc on each side, at the narrower of the two rates. */
    private static final int ZERO_CROSSINGS = 16;
    private static final double ROLL_OFF = 0.95;

    private Resampler() {
    }

    public static float[] resample(float[] in, int fromRate, int toRate) {
        if (fromRate == toRate || in.length == 0) {
            return in;
        }
        double ratio = toRate / (double) fromRate;
        double scale = Math.min(1.0, ratio);
        double cutoff = ROLL_OFF * scale; // fraction of the input Nyquist frequency
        int half = (int) Math.ceil(ZERO_CROSSINGS / scale);
        int outLength = (int) Math.floor(in.length * ratio);
        float[] out = new float[outLength];
        for (int n = 0; n < outLength; n++) {
            double t = n / ratio;
            int centre = (int) Math.floor(t);
            double acc = 0;
            for (int k = centre - half + 1; k <= centre + half; k++) {
                if (k < 0 || k >= in.length) {
                    continue;
                }
                double d = t - k;
                acc += in[k] * kernel(d, cutoff, half);
            }
            out[n] = (float) acc;
        }
        return out;
    }

    private static double kernel(double d, double cutoff, int half) {
        if (Math.abs(d) >= half) {
            return 0;
        }
        double x = Math.PI * cutoff * d;
        double sinc = d == 0 ? 1 : Math.sin(x) / x;
        double w = 0.42 + 0.5 * Math.cos(Math.PI * d / half) + 0.08 * Math.cos(2 * Math.PI * d / half);
        return cutoff * sinc * w;
    }
}

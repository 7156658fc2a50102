package dev.voxloop.speech.audio;

/**
 * Energy-based voice activity: finds the first and last 20 ms frames whose level stands clearly above both an
 * absolute floor and the quietest part of the recording, and keeps a little padding around them.
 */
public final class VoiceActivity {

    /** The audio kept before the first and after the last speech frame. */
    public static final int PADDING_MILLIS = 300;

    private static final int FRAME = SpeechAudio.RATE / 50;
    private static final int PAD_FRAMES = PADDING_MILLIS / 20;

    private final double floorDbfs;

    /** @param floorDbfs level (dBFS RMS) below which a frame is never speech, e.g. -45 */
    public VoiceActivity(double floorDbfs) {
        this.floorDbfs = floorDbfs;
    }

    /** Speech span in samples, or null when no frame is loud enough. */
    public int[] span(float[] samples) {
        int frames = samples.length / FRAME;
        if (frames == 0) {
            return null;
        }
        double[] db = new double[frames];
        double quietest = 0;
        double loudest = -200;
        for (int f = 0; f < frames; f++) {
            double sum = 0;
            for (int i = f * FRAME; i < (f + 1) * FRAME; i++) {
                sum += samples[i] * samples[i];
            }
            db[f] = 10 * Math.log10(sum / FRAME + 1e-12);
            quietest = f == 0 ? db[f] : Math.min(quietest, db[f]);
            loudest = Math.max(loudest, db[f]);
        }
        if (loudest < floorDbfs) {
            return null;
        }
        // speech frames: above the floor, and well above the noise (or close to the loudest if it is noisy)
        double threshold = Math.max(floorDbfs, Math.min(quietest + 15, loudest - 20));
        int first = -1;
        int last = -1;
        for (int f = 0; f < frames; f++) {
            if (db[f] >= threshold) {
                if (first < 0) {
                    first = f;
                }
                last = f;
            }
        }
        int start = Math.max(0, first - PAD_FRAMES) * FRAME;
        int end = Math.min(samples.length, (last + 1 + PAD_FRAMES) * FRAME);
        return new int[] {start, end};
    }
}

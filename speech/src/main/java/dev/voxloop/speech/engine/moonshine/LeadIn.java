package dev.voxloop.speech.engine.moonshine;

import dev.voxloop.speech.audio.SpeechAudio;
import dev.voxloop.speech.audio.VoiceActivity;

/**
 * Silence before a recording whose speech starts at its first sample. The intake keeps up to 300 ms before the
 * first speech, but a recording cut tight (espeak-ng writes its first sound at once; a push-to-talk button let go
 * of late does the same) has none, and Moonshine then mishears the first word: it writes a "The" that was not said,
 * or drops the word. With the silence it hears the start as it hears every other.
 */
final class LeadIn {

    /** The silence added, as much as the intake keeps before speech. */
    static final int MILLIS = VoiceActivity.PADDING_MILLIS;
    /** The start that is heard: the first 20 ms. */
    static final int HEAD_MILLIS = 20;
    /** A start louder than this (root mean square, -40 dBFS) is speech already. */
    static final double SPEECH_LEVEL = 0.01;
    /** Speech has quiet moments: its quietest 20 ms are at least this many times quieter than its start. */
    static final double PAUSE_RATIO = 10;

    private LeadIn() {
    }

    /**
     * The samples, after {@link #MILLIS} of silence when they start with speech: loud from the first 20 ms, with a
     * moment somewhere at least {@link #PAUSE_RATIO} times quieter. Noise that never falls quiet gets nothing, so
     * what is heard in it stays as unsure as before.
     */
    static float[] of(float[] samples) {
        int frame = SpeechAudio.RATE * HEAD_MILLIS / 1000;
        if (samples.length < 2 * frame) {
            return samples;
        }
        double start = rms(samples, 0, frame);
        if (start < SPEECH_LEVEL) {
            return samples;
        }
        double quietest = Double.MAX_VALUE;
        for (int from = frame; from + frame <= samples.length; from += frame) {
            quietest = Math.min(quietest, rms(samples, from, frame));
        }
        if (quietest * PAUSE_RATIO > start) {
            return samples;
        }
        int silence = SpeechAudio.RATE * MILLIS / 1000;
        float[] out = new float[silence + samples.length];
        System.arraycopy(samples, 0, out, silence, samples.length);
        return out;
    }

    private static double rms(float[] samples, int from, int length) {
        double sum = 0;
        for (int i = from; i < from + length; i++) {
            sum += samples[i] * samples[i];
        }
        return Math.sqrt(sum / length);
    }
}

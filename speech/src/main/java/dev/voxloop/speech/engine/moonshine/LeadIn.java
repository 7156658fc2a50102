package dev.voxloop.speech.engine.moonshine;

import dev.voxloop.speech.audio.SpeechAudio;

/**
 * Silence before a recording whose speech starts at its first sample. The intake keeps up to 300 ms before the
 * first speech, but a recording cut tight (espeak-ng writes its first sound at once; a push-to-talk button let go
 * of late does the same) has none, and Moonshine then mishears the first word: it writes a "The" that was not said,
 * or drops the word. With the silence it hears the start as it hears every other.
 */
final class LeadIn {

    /** The silence added, as much as the intake keeps before speech. */
    static final int MILLIS = 300;
    /** The start that is heard: the first 20 ms. */
    static final int HEAD_MILLIS = 20;
    /** A start louder than this (root mean square, -40 dBFS) is speech already. */
    static final double SPEECH_LEVEL = 0.01;

    private LeadIn() {
    }

    /** The samples, after {@link #MILLIS} of silence when they start with speech. */
    static float[] of(float[] samples) {
        int head = Math.min(samples.length, SpeechAudio.RATE * HEAD_MILLIS / 1000);
        double sum = 0;
        for (int i = 0; i < head; i++) {
            sum += samples[i] * samples[i];
        }
        if (head == 0 || Math.sqrt(sum / head) < SPEECH_LEVEL) {
            return samples;
        }
        int silence = SpeechAudio.RATE * MILLIS / 1000;
        float[] out = new float[silence + samples.length];
        System.arraycopy(samples, 0, out, silence, samples.length);
        return out;
    }
}

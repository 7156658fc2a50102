package dev.voxloop.speech.audio;

/**
 * Audio ready for a recogniser: 16 kHz mono, leading and trailing silence trimmed.
 *
 * @param samples          16 kHz mono samples in [-1, 1]
 * @param originalSeconds  length of the upload as decoded, before trimming
 */
public record SpeechAudio(float[] samples, double originalSeconds) {

    public static final int RATE = 16_000;

    public double seconds() {
        return samples.length / (double) RATE;
    }

    /** Signed 16-bit little-endian PCM, the form Sphinx and most servers take. */
    public byte[] pcm16le() {
        byte[] out = new byte[samples.length * 2];
        for (int i = 0; i < samples.length; i++) {
            int v = Math.round(Math.max(-1f, Math.min(1f, samples[i])) * 32767f);
            out[2 * i] = (byte) v;
            out[2 * i + 1] = (byte) (v >> 8);
        }
        return out;
    }

    /** A canonical 16 kHz mono 16-bit WAV file of these samples. */
    public byte[] wav() {
        return WavWriter.write(pcm16le(), RATE, 1);
    }
}

package dev.voxloop.speech.audio;

/**
 * Decoded audio: interleaved-free mono or multi-channel float samples in [-1, 1].
 *
 * @param channels   one array per channel, all the same length
 * @param sampleRate samples per second
 */
public record Pcm(float[][] channels, int sampleRate) {

    public Pcm {
        if (channels.length == 0) {
            throw new IllegalArgumentException("no channels");
        }
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sample rate must be positive");
        }
    }

    public static Pcm mono(float[] samples, int sampleRate) {
        return new Pcm(new float[][] {samples}, sampleRate);
    }

    public int frames() {
        return channels[0].length;
    }

    public double seconds() {
        return frames() / (double) sampleRate;
    }

    /** Average of the channels. */
    public float[] downmix() {
        if (channels.length == 1) {
            return channels[0];
        }
        float[] out = new float[frames()];
        for (float[] ch : channels) {
            for (int i = 0; i < out.length; i++) {
                out[i] += ch[i];
            }
        }
        float scale = 1f / channels.length;
        for (int i = 0; i < out.length; i++) {
            out[i] *= scale;
        }
        return out;
    }
}

package dev.voxloop.speech.audio;

import dev.voxloop.core.problem.Problem;
import io.github.jaredmdobson.concentus.OpusDecoder;
import io.github.jaredmdobson.concentus.OpusException;
import java.util.Arrays;

/** Decodes a sequence of Opus packets straight to 16 kHz mono with Concentus (pure Java libopus port). */
final class OpusPackets {

    private static final int MAX_FRAME = SpeechAudio.RATE * 120 / 1000; // 120 ms, the longest Opus packet

    private final OpusDecoder decoder;
    private final int skip;
    private float[] out = new float[SpeechAudio.RATE * 4];
    private final short[] frame = new short[MAX_FRAME];
    private int length;
    private int skipped;

    /** @param preSkip48k samples at 48 kHz to drop from the start (the stream's pre-skip) */
    OpusPackets(int preSkip48k) {
        try {
            this.decoder = new OpusDecoder(SpeechAudio.RATE, 1);
        } catch (OpusException e) {
            throw new IllegalStateException(e);
        }
        this.skip = preSkip48k / 3;
    }

    void add(byte[] packet, int offset, int len) {
        int n;
        try {
            n = decoder.decode(packet, offset, len, frame, 0, MAX_FRAME, false);
        } catch (OpusException | RuntimeException e) {
            throw new Problem(Problem.Kind.UNPROCESSABLE, "The Opus audio is damaged and could not be decoded",
                    "audio", e);
        }
        for (int i = 0; i < n; i++) {
            if (skipped < skip) {
                skipped++;
                continue;
            }
            if (length == out.length) {
                out = Arrays.copyOf(out, out.length * 2);
            }
            out[length++] = frame[i] / 32768f;
        }
    }

    Pcm result() {
        return Pcm.mono(Arrays.copyOf(out, length), SpeechAudio.RATE);
    }
}

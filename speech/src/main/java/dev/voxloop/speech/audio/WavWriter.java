package dev.voxloop.speech.audio;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Writes a plain PCM 16-bit RIFF/WAVE file. */
public final class WavWriter {

    private WavWriter() {
    }

    public static byte[] write(byte[] pcm16le, int sampleRate, int channels) {
        ByteBuffer b = ByteBuffer.allocate(44 + pcm16le.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(36 + pcm16le.length);
        b.put("WAVE".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        b.put("fmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1)
                .putShort((short) channels).putInt(sampleRate).putInt(sampleRate * channels * 2)
                .putShort((short) (channels * 2)).putShort((short) 16);
        b.put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(pcm16le.length).put(pcm16le);
        return b.array();
    }
}

package dev.voxloop.speech.audio;

import dev.voxloop.core.problem.Problem;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * RIFF/WAVE reader: integer PCM of 8, 16, 24 or 32 bits, or 32/64-bit float, any rate, any channel count
 * (WAVE_FORMAT_EXTENSIBLE included). Walks the chunk list, so extra chunks (LIST, fact, bext) are skipped.
 */
public final class WavDecoder {

    private static final int PCM = 1;
    private static final int FLOAT = 3;
    private static final int EXTENSIBLE = 0xFFFE;

    public Pcm decode(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        b.position(12);
        int format = -1;
        int channels = 0;
        int rate = 0;
        int bits = 0;
        while (b.remaining() >= 8) {
            String id = new String(bytes, b.position(), 4, StandardCharsets.US_ASCII);
            b.position(b.position() + 4);
            long size = Integer.toUnsignedLong(b.getInt());
            int start = b.position();
            if (id.equals("fmt ")) {
                if (size < 16 || b.remaining() < 16) {
                    throw corrupt("its format chunk is too short");
                }
                format = b.getShort() & 0xffff;
                channels = b.getShort() & 0xffff;
                rate = b.getInt();
                b.getInt();
                b.getShort();
                bits = b.getShort() & 0xffff;
                if (format == EXTENSIBLE && size >= 40) {
                    b.position(start + 24);
                    format = b.getShort() & 0xffff;
                }
            } else if (id.equals("data")) {
                if (format < 0) {
                    throw corrupt("the data chunk comes before the format chunk");
                }
                // streaming writers put 0 or 0xFFFFFFFF in the size: take what is there
                int available = b.remaining();
                int length = size == 0 || size > available ? available : (int) size;
                return samples(bytes, start, length, format, channels, rate, bits);
            }
            long next = start + size + (size & 1);
            if (next > bytes.length) {
                break;
            }
            b.position((int) next);
        }
        throw corrupt("it has no audio data chunk");
    }

    private static Pcm samples(byte[] bytes, int offset, int length, int format, int channels, int rate, int bits) {
        if (channels < 1 || channels > 16 || rate < 1000 || rate > 384_000) {
            throw corrupt("its header says " + channels + " channels at " + rate + " Hz");
        }
        boolean isFloat = format == FLOAT;
        if (format != PCM && !isFloat) {
            throw new Problem(Problem.Kind.UNSUPPORTED_MEDIA,
                    "This WAV file is compressed (format " + format + "); send PCM WAV, or install ffmpeg to convert it",
                    "audio");
        }
        if (!(bits == 8 || bits == 16 || bits == 24 || bits == 32 || (isFloat && bits == 64))
                || (isFloat && bits < 32)) {
            throw new Problem(Problem.Kind.UNSUPPORTED_MEDIA, "WAV with " + bits + "-bit samples is not supported",
                    "audio");
        }
        int width = bits / 8;
        int frames = length / (width * channels);
        float[][] out = new float[channels][frames];
        ByteBuffer b = ByteBuffer.wrap(bytes, offset, length).order(ByteOrder.LITTLE_ENDIAN);
        for (int f = 0; f < frames; f++) {
            for (int c = 0; c < channels; c++) {
                out[c][f] = sample(b, bits, isFloat);
            }
        }
        return new Pcm(out, rate);
    }

    private static float sample(ByteBuffer b, int bits, boolean isFloat) {
        if (isFloat) {
            return bits == 32 ? b.getFloat() : (float) b.getDouble();
        }
        return switch (bits) {
            case 8 -> ((b.get() & 0xff) - 128) / 128f;
            case 16 -> b.getShort() / 32768f;
            case 24 -> {
                int v = (b.get() & 0xff) | ((b.get() & 0xff) << 8) | (b.get() << 16);
                yield v / 8_388_608f;
            }
            default -> (float) (b.getInt() / 2_147_483_648.0);
        };
    }

    private static Problem corrupt(String why) {
        return new Problem(Problem.Kind.UNPROCESSABLE, "The WAV file could not be read: " + why, "audio");
    }
}

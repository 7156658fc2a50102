package dev.voxloop.speech.testing;

import dev.voxloop.core.audio.AudioUpload;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test audio: the shared real clips, committed fixtures, and WAV files written sample by sample. */
public final class TestAudio {

    private TestAudio() {
    }

    /** ../shared/testdata/speech, found by walking up from the working directory. */
    public static Path sharedSpeech() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("shared/testdata/speech");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("shared/testdata/speech not found above " + Path.of("").toAbsolutePath());
    }

    public static byte[] shared(String name) {
        try {
            return Files.readAllBytes(sharedSpeech().resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] fixture(String name) {
        try (InputStream in = TestAudio.class.getResourceAsStream("/audio/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static AudioUpload upload(byte[] bytes, String name) {
        return new AudioUpload(bytes, name, null);
    }

    public static float[] sine(double hz, int rate, double seconds, double amplitude) {
        float[] s = new float[(int) (rate * seconds)];
        for (int i = 0; i < s.length; i++) {
            s[i] = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / rate));
        }
        return s;
    }

    /** A WAV file with the given integer bit depth (or 32-bit float when bits is -32) for each channel. */
    public static byte[] wav(float[][] channels, int rate, int bits, boolean extensible) {
        boolean isFloat = bits == -32;
        int width = Math.abs(bits) / 8;
        int frames = channels[0].length;
        int dataLen = frames * channels.length * width;
        int fmtLen = extensible ? 40 : 16;
        ByteBuffer b = ByteBuffer.allocate(12 + 8 + fmtLen + 8 + dataLen + 12).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(b.capacity() - 8).put("WAVE".getBytes());
        b.put("LIST".getBytes()).putInt(4).put("INFO".getBytes()); // an extra chunk readers must skip
        b.put("fmt ".getBytes()).putInt(fmtLen).putShort((short) (extensible ? 0xFFFE : isFloat ? 3 : 1))
                .putShort((short) channels.length).putInt(rate).putInt(rate * channels.length * width)
                .putShort((short) (channels.length * width)).putShort((short) Math.abs(bits));
        if (extensible) {
            b.putShort((short) 22).putShort((short) Math.abs(bits)).putInt(0).putShort((short) (isFloat ? 3 : 1));
            b.put(new byte[14]);
        }
        b.put("data".getBytes()).putInt(dataLen);
        for (int f = 0; f < frames; f++) {
            for (float[] ch : channels) {
                double v = Math.max(-1, Math.min(1, ch[f]));
                if (isFloat) {
                    b.putFloat((float) v);
                    continue;
                }
                switch (bits) {
                    case 8 -> b.put((byte) (Math.round(v * 127) + 128));
                    case 16 -> b.putShort((short) Math.round(v * 32767));
                    case 24 -> {
                        int x = (int) Math.round(v * 8_388_607);
                        b.put((byte) x).put((byte) (x >> 8)).put((byte) (x >> 16));
                    }
                    default -> b.putInt((int) Math.round(v * 2_147_483_647.0));
                }
            }
        }
        byte[] out = new byte[b.position()];
        System.arraycopy(b.array(), 0, out, 0, out.length);
        ByteBuffer.wrap(out, 4, 4).order(ByteOrder.LITTLE_ENDIAN).putInt(out.length - 8);
        return out;
    }

    /** Best normalised cross-correlation of two signals within +-maxLag samples. */
    public static double correlation(float[] a, float[] b, int maxLag) {
        double best = -1;
        for (int lag = -maxLag; lag <= maxLag; lag++) {
            double ab = 0;
            double aa = 0;
            double bb = 0;
            for (int i = 0; i < a.length; i++) {
                int j = i + lag;
                if (j < 0 || j >= b.length) {
                    continue;
                }
                ab += a[i] * b[j];
                aa += a[i] * a[i];
                bb += b[j] * b[j];
            }
            if (aa > 0 && bb > 0) {
                best = Math.max(best, ab / Math.sqrt(aa * bb));
            }
        }
        return best;
    }
}

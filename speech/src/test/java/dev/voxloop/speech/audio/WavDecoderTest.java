package dev.voxloop.speech.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.voxloop.core.problem.Problem;
import dev.voxloop.speech.testing.TestAudio;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class WavDecoderTest {

    private final WavDecoder decoder = new WavDecoder();

    @ParameterizedTest
    @CsvSource({"8,8000,1,false", "16,16000,1,false", "24,44100,2,false", "32,48000,2,false", "-32,22050,1,false",
            "16,48000,2,true", "24,96000,1,true"})
    void readsEveryBitDepthRateAndChannelCount(int bits, int rate, int channels, boolean extensible) {
        float[] left = TestAudio.sine(440, rate, 0.25, 0.5);
        float[] right = TestAudio.sine(880, rate, 0.25, 0.25);
        float[][] in = channels == 1 ? new float[][] {left} : new float[][] {left, right};

        Pcm pcm = decoder.decode(TestAudio.wav(in, rate, bits, extensible));

        assertThat(pcm.sampleRate()).isEqualTo(rate);
        assertThat(pcm.channels()).hasNumberOfRows(channels);
        assertThat(pcm.frames()).isEqualTo(left.length);
        double tolerance = bits == 8 ? 0.01 : 0.0001;
        for (int c = 0; c < channels; c++) {
            for (int i = 0; i < left.length; i += 97) {
                assertThat((double) pcm.channels()[c][i]).isCloseTo(in[c][i], org.assertj.core.data.Offset.offset(tolerance));
            }
        }
    }

    @Test
    void readsAFileMadeBySoxAt8BitUnsigned() {
        Pcm pcm = decoder.decode(TestAudio.fixture("goforward-8k-u8.wav"));
        assertThat(pcm.sampleRate()).isEqualTo(8000);
        assertThat(pcm.seconds()).isBetween(2.7, 2.9);
        float peak = 0;
        for (float v : pcm.channels()[0]) {
            peak = Math.max(peak, Math.abs(v));
        }
        assertThat(peak).isGreaterThan(0.1f);
    }

    @Test
    void truncatedHeaderIsUnprocessable() {
        byte[] wav = TestAudio.wav(new float[][] {TestAudio.sine(440, 16000, 0.1, 0.5)}, 16000, 16, false);
        byte[] cut = Arrays.copyOf(wav, 30);
        assertThatThrownBy(() -> decoder.decode(cut)).isInstanceOf(Problem.class)
                .extracting(e -> ((Problem) e).kind()).isEqualTo(Problem.Kind.UNPROCESSABLE);
    }

    @Test
    void compressedWavNamesTheFix() {
        byte[] wav = TestAudio.wav(new float[][] {TestAudio.sine(440, 16000, 0.1, 0.5)}, 16000, 16, false);
        wav[12 + 12 + 8] = 2; // ADPCM
        assertThatThrownBy(() -> decoder.decode(wav)).isInstanceOf(Problem.class)
                .hasMessageContaining("ffmpeg")
                .extracting(e -> ((Problem) e).kind()).isEqualTo(Problem.Kind.UNSUPPORTED_MEDIA);
    }
}

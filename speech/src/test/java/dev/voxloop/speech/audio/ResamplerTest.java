package dev.voxloop.speech.audio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voxloop.speech.testing.TestAudio;
import org.junit.jupiter.api.Test;

class ResamplerTest {

    @Test
    void keepsAToneInsideTheBand() {
        float[] in = TestAudio.sine(1000, 44100, 0.5, 0.5);
        float[] out = Resampler.resample(in, 44100, 16000);
        assertThat(out.length).isEqualTo(8000);
        float[] ideal = TestAudio.sine(1000, 16000, 0.5, 0.5);
        assertThat(TestAudio.correlation(slice(out), slice(ideal), 2)).isGreaterThan(0.999);
        assertThat(rms(slice(out))).isCloseTo(rms(slice(ideal)), org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void removesToneAboveTheNewNyquistInsteadOfAliasingIt() {
        // 11 kHz at 48 kHz would fold to 5 kHz at 16 kHz without a low-pass
        float[] in = TestAudio.sine(11000, 48000, 0.5, 0.5);
        float[] out = Resampler.resample(in, 48000, 16000);
        double attenuationDb = 20 * Math.log10(rms(slice(out)) / rms(slice(in)));
        assertThat(attenuationDb).isLessThan(-40);
    }

    @Test
    void upsamplesEightKilohertzSpeechBand() {
        float[] in = TestAudio.sine(300, 8000, 0.5, 0.5);
        float[] out = Resampler.resample(in, 8000, 16000);
        assertThat(out.length).isEqualTo(8000);
        assertThat(TestAudio.correlation(slice(out), slice(TestAudio.sine(300, 16000, 0.5, 0.5)), 2))
                .isGreaterThan(0.999);
    }

    private static float[] slice(float[] s) {
        // ignore the filter's edges
        return java.util.Arrays.copyOfRange(s, s.length / 8, s.length - s.length / 8);
    }

    private static double rms(float[] s) {
        double sum = 0;
        for (float v : s) {
            sum += v * v;
        }
        return Math.sqrt(sum / s.length);
    }
}

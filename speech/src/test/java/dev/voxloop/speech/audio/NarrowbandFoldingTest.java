package dev.voxloop.speech.audio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voxloop.speech.testing.TestAudio;
import org.junit.jupiter.api.Test;

class NarrowbandFoldingTest {

    @Test
    void mirrorsTheTelephoneBandIntoTheUpperBand() {
        float[] in = TestAudio.sine(1000, 8000, 0.5, 0.25);
        float[] out = NarrowbandFolding.toWideband(in, 8000);
        assertThat(out.length).isEqualTo(8000);
        // the 1 kHz tone keeps its level and gains a mirror image at 8 - 1 = 7 kHz of the same level
        assertThat(level(out, 1000)).isCloseTo(0.25, org.assertj.core.data.Offset.offset(0.01));
        assertThat(level(out, 7000)).isCloseTo(0.25, org.assertj.core.data.Offset.offset(0.01));
        assertThat(level(out, 4000)).isLessThan(0.01);
    }

    @Test
    void onlyTelephoneBandAudioIsFolded() {
        assertThat(NarrowbandFolding.applies(8000)).isTrue();
        assertThat(NarrowbandFolding.applies(16000)).isFalse();
        assertThat(NarrowbandFolding.applies(44100)).isFalse();
    }

    @Test
    void theIntakeFoldsAnEightKilohertzUpload() {
        byte[] wav = TestAudio.wav(new float[][] {TestAudio.sine(1000, 8000, 1, 0.25)}, 8000, 16, false);
        AudioIntake forSphinx = new AudioIntake(120, new FfmpegDecoder("ffmpeg"), -50, true);
        SpeechAudio audio = forSphinx.prepare(TestAudio.upload(wav, "phone.wav"));
        assertThat(level(audio.samples(), 7000)).isGreaterThan(0.2);
        // resampled the usual way for the other engines: nothing above the telephone band
        SpeechAudio plain = AudioIntake.defaults().prepare(TestAudio.upload(wav, "phone.wav"));
        assertThat(level(plain.samples(), 7000)).isLessThan(0.01);
    }

    /** Amplitude of one frequency in a 16 kHz signal (single-bin DFT). */
    private static double level(float[] s, double hz) {
        double re = 0;
        double im = 0;
        for (int i = 0; i < s.length; i++) {
            re += s[i] * Math.cos(2 * Math.PI * hz * i / 16000);
            im += s[i] * Math.sin(2 * Math.PI * hz * i / 16000);
        }
        return 2 * Math.hypot(re, im) / s.length;
    }
}

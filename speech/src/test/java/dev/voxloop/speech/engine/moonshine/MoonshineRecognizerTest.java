package dev.voxloop.speech.engine.moonshine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.voxloop.core.transcript.Hypothesis;
import dev.voxloop.core.transcript.WordErrorRate;
import dev.voxloop.speech.audio.AudioIntake;
import dev.voxloop.speech.audio.SpeechAudio;
import dev.voxloop.speech.engine.Heard;
import dev.voxloop.speech.testing.TestAudio;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The built-in Moonshine model on real recordings, as the intake hands them over. */
class MoonshineRecognizerTest {

    static final String JFK = "And so my fellow Americans, ask not what your country can do for you, ask what you"
            + " can do for your country.";
    static MoonshineRecognizer tiny;

    @BeforeAll
    static void load() throws Exception {
        assertThat(MoonshineModel.available(MoonshineSize.TINY)).as("the build puts the model into the jar").isTrue();
        assertThat(MoonshineModel.available(MoonshineSize.BASE)).isTrue();
        tiny = new MoonshineRecognizer(MoonshineSize.TINY, 1, List::of);
    }

    static SpeechAudio clip(String name) {
        return AudioIntake.defaults().prepare(TestAudio.upload(TestAudio.shared(name), name));
    }

    @Test
    void aRealSpeechIsTranscribedWithItsWordsAndAConfidenceThatSaysSo() throws Exception {
        Heard h = tiny.recognize(clip("jfk.wav"));

        assertThat(WordErrorRate.of(JFK, h.text())).isLessThan(0.1);
        assertThat(h.confidence()).isGreaterThan(0.7);
        assertThat(h.segments()).hasSize(1);
        assertThat(h.language()).isEqualTo("en");
    }

    @Test
    void theSameRecordingReadsTheSameWhateverCameBefore() throws Exception {
        SpeechAudio speech = clip("goforward.wav");
        String first = tiny.recognize(speech).text();
        tiny.recognize(clip("jfk.wav"));
        float[] tone = TestAudio.sine(440, SpeechAudio.RATE, 1, 0.3);
        tiny.recognize(new SpeechAudio(tone, 1));

        assertThat(tiny.recognize(speech).text()).isEqualTo(first).containsIgnoringCase("go forward");
    }

    @Test
    void noiseGetsALowConfidenceSoThePersonIsAskedToConfirm() throws Exception {
        Random r = new Random(7);
        float[] noise = new float[SpeechAudio.RATE * 3];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (float) (r.nextGaussian() * 0.2);
        }
        Heard h = tiny.recognize(new SpeechAudio(noise, 3));

        assertThat(h.confidence()).isLessThan(0.6);
    }

    @Test
    void aRecordingLongerThanTheModelTakesIsCutAtItsPausesAndHeardWhole() throws Exception {
        float[] once = clip("jfk.wav").samples();
        float[] pause = new float[SpeechAudio.RATE / 2];
        float[] thrice = new float[once.length * 3 + pause.length * 2];
        for (int i = 0; i < 3; i++) {
            System.arraycopy(once, 0, thrice, i * (once.length + pause.length), once.length);
        }
        Heard h = tiny.recognize(new SpeechAudio(thrice, thrice.length / (double) SpeechAudio.RATE));

        assertThat(h.segments()).hasSizeGreaterThan(1);
        assertThat(WordErrorRate.of(JFK + " " + JFK + " " + JFK, h.text())).isLessThan(0.15);
    }

    @Test
    void theBaseModelHearsTheTelephoneBandDigitsTheTinyOneMisses() throws Exception {
        MoonshineRecognizer base = new MoonshineRecognizer(MoonshineSize.BASE, 4, List::of);
        // "one zero zero zero one nine oh two one oh zero one eight zero three", 8 kHz audio in a 16 kHz file
        Heard h = base.recognize(clip("10001-90210-01803.wav"));

        assertThat(h.text().replaceAll("[^0-9]", "")).isEqualTo("100019021001803");
    }

    @Test
    void aWiderBeamGivesTheSameWordsAndItsOtherReadingsWeighed() throws Exception {
        MoonshineRecognizer wide = new MoonshineRecognizer(MoonshineSize.TINY, 4, List::of);
        Heard h = wide.recognize(clip("jfk.wav"));

        assertThat(WordErrorRate.of(JFK, h.text())).isLessThan(0.1);
        assertThat(h.hypotheses()).hasSizeGreaterThan(1);
        assertThat(h.hypotheses().getFirst().text()).isEqualTo(h.text());
        assertThat(h.hypotheses().stream().mapToDouble(Hypothesis::weight).sum()).isCloseTo(1.0, within(1e-6));
        assertThat(h.hypotheses().getFirst().weight()).isGreaterThan(h.hypotheses().get(1).weight());
    }
}

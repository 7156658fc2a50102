package dev.voxloop.speech.engine.pocketsphinx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.voxloop.core.audio.AudioUpload;
import dev.voxloop.core.transcript.EngineStatus;
import dev.voxloop.core.transcript.Hypothesis;
import dev.voxloop.core.transcript.Transcript;
import dev.voxloop.speech.SpeechEngines;
import dev.voxloop.speech.SpeechSettings;
import dev.voxloop.core.transcript.WordErrorRate;
import dev.voxloop.speech.engine.WarmEngine;
import dev.voxloop.speech.testing.TestAudio;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Real PocketSphinx decodes (Debian's libpocketsphinx3 and pocketsphinx-en-us, installed by
 * scripts/system-deps.sh) with the general English model interpolated with the domain model. Slow suite (an
 * engine load and a dozen decodes); the main suite reaches the same engine through AudioPipelineTest.
 */
@Tag("slow")
class PocketSphinxEngineTest {

    private static WarmEngine engine;
    private static RuntimeException firstAudioFailure;

    @BeforeAll
    static void start() {
        engine = SpeechEngines.create(SpeechSettings.defaults().withEngine("pocketsphinx"), () -> List.of("TrackIt"));
        // the first audio a fresh engine hears is a steady tone
        try {
            engine.transcribe(tone());
        } catch (RuntimeException e) {
            firstAudioFailure = e;
        }
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    private static AudioUpload tone() {
        return TestAudio.upload(TestAudio.wav(new float[][] {TestAudio.sine(440, 16_000, 3, 0.5)}, 16_000, 16,
                false), "tone.wav");
    }

    private static AudioUpload noise(long seed) {
        Random r = new Random(seed);
        float[] s = new float[16_000 * 3];
        for (int i = 0; i < s.length; i++) {
            s[i] = (float) (r.nextGaussian() * 0.2);
        }
        return TestAudio.upload(TestAudio.wav(new float[][] {s}, 16_000, 16, false), "noise.wav");
    }

    @Test
    void pocketSphinxLoadsWhenItIsInstalled() {
        assertThat(engine.name()).isEqualTo("pocketsphinx");
        assertThat(engine.description()).contains("PocketSphinx");
        assertThat(engine.awaitReady(Duration.ofSeconds(120))).isTrue();
        assertThat(engine.status().state()).isEqualTo(EngineStatus.State.READY);
    }

    @Test
    void transcribesATicketRequestWithAConfidence() {
        Transcript t = engine.transcribe(TestAudio.upload(TestAudio.fixture("ticket-festival-16k.wav"), "t.wav"));
        assertThat(WordErrorRate.of("please add a retry button to the upload page", t.text()))
                .as("hypothesis: %s", t.text()).isLessThanOrEqualTo(0.25);
        assertThat(t.confidence()).isBetween(0.5, 1.0);
        assertThat(t.segments()).isNotEmpty();
    }

    @Test
    void carriesTheNBestReadingsWithTheirWeights() {
        Transcript t = engine.transcribe(TestAudio.upload(TestAudio.fixture("ticket-festival-16k.wav"), "t.wav"));

        assertThat(t.hypotheses()).hasSizeBetween(2, PocketSphinxRecognizer.READINGS.readings());
        assertThat(t.hypotheses().getFirst().text()).isEqualTo(t.text());
        assertThat(t.hypotheses()).extracting(Hypothesis::text).doesNotHaveDuplicates()
                .allSatisfy(h -> assertThat(h).doesNotContain("<", "[", "("));
        assertThat(t.hypotheses().stream().mapToDouble(Hypothesis::weight).sum()).isCloseTo(1.0, within(1e-6));
        assertThat(t.hypotheses().getFirst().weight()).isGreaterThan(0.0);
    }

    @Test
    void followsRealSpeechOutsideTheTicketDomain() {
        Transcript t = engine.transcribe(TestAudio.upload(TestAudio.shared("goforward.wav"), "g.wav"));
        assertThat(WordErrorRate.of("go forward ten meters", t.text())).as("hypothesis: %s", t.text())
                .isLessThanOrEqualTo(0.5);
    }

    @Test
    void aToneAsTheFirstAudioLeavesTheEngineWorking() {
        assertThat(firstAudioFailure).as("first audio: a tone").isNull();
        assertThat(engine.transcribe(TestAudio.upload(TestAudio.shared("goforward.wav"), "g.wav")).text())
                .isNotBlank();
        assertThat(engine.status().state()).isEqualTo(EngineStatus.State.READY);
    }

    @Test
    void noiseGivesNothingOrAnUnsureTranscript() {
        Transcript t = engine.transcribe(noise(7));
        assertThat(t.text().isEmpty() || t.confidence() < 0.5).as("%s (%s)", t.text(), t.confidence()).isTrue();
    }

    @Test
    void theSameAudioAlwaysGivesTheSameWords() {
        byte[] clip = TestAudio.fixture("ticket-festival-16k.wav");
        Transcript first = engine.transcribe(TestAudio.upload(clip, "a.wav"));
        engine.transcribe(noise(1));
        engine.transcribe(TestAudio.upload(TestAudio.shared("cards-005.wav"), "b.wav"));
        Transcript second = engine.transcribe(TestAudio.upload(clip, "a.wav"));
        engine.transcribe(tone());
        Transcript third = engine.transcribe(TestAudio.upload(clip, "a.wav"));
        assertThat(List.of(second.text(), third.text())).containsOnly(first.text());
        assertThat(List.of(second.confidence(), third.confidence())).containsOnly(first.confidence());
    }
}

package dev.voxloop.speech.engine.offline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voxloop.core.transcript.Transcript;
import dev.voxloop.core.transcript.WordErrorRate;
import dev.voxloop.speech.SpeechEngines;
import dev.voxloop.speech.SpeechSettings;
import dev.voxloop.speech.engine.WarmEngine;
import dev.voxloop.speech.testing.TestAudio;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Real Sphinx4 decodes with the generated domain model (one engine for the class: it loads once). Slow suite: the
 * fallback engine when PocketSphinx is not installed.
 */
@Tag("slow")
class Sphinx4EngineTest {

    private static WarmEngine engine;
    private static long createdInMillis;
    private static RuntimeException firstAudioFailure;

    @BeforeAll
    static void start() {
        long t0 = System.nanoTime();
        engine = SpeechEngines.create(SpeechSettings.defaults().withEngine("sphinx4"), () -> List.of("Voxloop"));
        createdInMillis = (System.nanoTime() - t0) / 1_000_000;
        // a fresh engine whose first audio is a steady tone (no speech for its voice detector) used to keep a
        // half-initialised mean in its front end and fail every later request
        try {
            engine.transcribe(tone());
        } catch (RuntimeException e) {
            firstAudioFailure = e;
        }
    }

    private static dev.voxloop.core.audio.AudioUpload tone() {
        return TestAudio.upload(TestAudio.wav(new float[][] {TestAudio.sine(440, 16_000, 3, 0.5)}, 16_000, 16,
                false), "tone.wav");
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    @Test
    void creationReturnsAtOnceAndLoadsInTheBackground() {
        assertThat(createdInMillis).isLessThan(1000);
        assertThat(engine.name()).isEqualTo("sphinx4");
        assertThat(engine.awaitReady(Duration.ofSeconds(120))).isTrue();
        assertThat(engine.ready()).isTrue();
    }

    @Test
    void transcribesRealSpeech() {
        Transcript t = engine.transcribe(TestAudio.upload(TestAudio.shared("goforward.wav"), "goforward.wav"));
        assertThat(t.engine()).isEqualTo("sphinx4");
        assertThat(t.audioSeconds()).isBetween(2.7, 2.9);
        assertThat(t.decodeSeconds()).isPositive();
        assertThat(t.text()).isNotBlank();
        // the domain model knows numbers and "forward"; real speech outside the domain is hard for it
        assertThat(WordErrorRate.of("go forward ten meters", t.text())).as("hypothesis: %s", t.text())
                .isLessThanOrEqualTo(0.75);
    }

    @Test
    void aToneAsTheFirstAudioLeavesTheEngineWorking() {
        assertThat(firstAudioFailure).as("first audio: a tone").isNull();
        Transcript t = engine.transcribe(TestAudio.upload(TestAudio.fixture("ticket-festival-16k.wav"), "t.wav"));
        assertThat(t.text()).isNotBlank();
    }

    @Test
    void theSameAudioAlwaysGivesTheSameWords() {
        byte[] clip = TestAudio.shared("goforward.wav");
        String first = engine.transcribe(TestAudio.upload(clip, "a.wav")).text();
        engine.transcribe(tone());
        engine.transcribe(TestAudio.upload(TestAudio.shared("cards-005.wav"), "b.wav"));
        String second = engine.transcribe(TestAudio.upload(clip, "a.wav")).text();
        engine.transcribe(TestAudio.upload(TestAudio.fixture("ticket-festival-16k.wav"), "c.wav"));
        String third = engine.transcribe(TestAudio.upload(clip, "a.wav")).text();
        assertThat(List.of(second, third)).containsOnly(first);
    }

    @Test
    void transcribesAHeldOutTicketRequest() {
        Transcript t = engine.transcribe(TestAudio.upload(TestAudio.fixture("ticket-festival-16k.wav"), "t.wav"));
        assertThat(WordErrorRate.of("please add a retry button to the upload page", t.text()))
                .as("hypothesis: %s", t.text()).isLessThanOrEqualTo(0.25);
        assertThat(t.segments()).isNotEmpty();
    }
}

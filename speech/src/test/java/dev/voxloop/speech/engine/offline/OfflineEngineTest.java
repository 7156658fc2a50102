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
import org.junit.jupiter.api.Test;

/** Real Sphinx4 decodes with the generated domain model (one engine for the class: it loads once). */
class OfflineEngineTest {

    private static WarmEngine engine;
    private static long createdInMillis;

    @BeforeAll
    static void start() {
        long t0 = System.nanoTime();
        engine = SpeechEngines.create(SpeechSettings.defaults().withEngine("offline"), () -> List.of("Voxloop"));
        createdInMillis = (System.nanoTime() - t0) / 1_000_000;
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    @Test
    void creationReturnsAtOnceAndLoadsInTheBackground() {
        assertThat(createdInMillis).isLessThan(1000);
        assertThat(engine.name()).isEqualTo("offline");
        assertThat(engine.awaitReady(Duration.ofSeconds(120))).isTrue();
        assertThat(engine.ready()).isTrue();
    }

    @Test
    void transcribesRealSpeech() {
        Transcript t = engine.transcribe(TestAudio.upload(TestAudio.shared("goforward.wav"), "goforward.wav"));
        assertThat(t.engine()).isEqualTo("offline");
        assertThat(t.audioSeconds()).isBetween(2.7, 2.9);
        assertThat(t.decodeSeconds()).isPositive();
        assertThat(t.text()).isNotBlank();
        // the domain model knows numbers and "forward"; real speech outside the domain is hard for it
        assertThat(WordErrorRate.of("go forward ten meters", t.text())).as("hypothesis: %s", t.text())
                .isLessThanOrEqualTo(0.75);
    }

    @Test
    void transcribesAHeldOutTicketRequest() {
        Transcript t = engine.transcribe(TestAudio.upload(TestAudio.fixture("ticket-festival-16k.wav"), "t.wav"));
        assertThat(WordErrorRate.of("please add a retry button to the upload page", t.text()))
                .as("hypothesis: %s", t.text()).isLessThanOrEqualTo(0.25);
        assertThat(t.segments()).isNotEmpty();
    }
}

package dev.voxloop.speech.engine.moonshine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voxloop.speech.audio.SpeechAudio;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Silence before speech that starts at the first sample, and only then. */
class LeadInTest {

    private static float[] tone(int silentSamples, int toneSamples, float amplitude) {
        float[] out = new float[silentSamples + toneSamples];
        for (int i = 0; i < toneSamples; i++) {
            out[silentSamples + i] = (float) (amplitude * Math.sin(2 * Math.PI * 220 * i / SpeechAudio.RATE));
        }
        return out;
    }

    @Test
    void speechFromTheFirstSampleGetsTheSilenceTheIntakeWouldHaveKept() {
        float[] speech = tone(0, SpeechAudio.RATE, 0.3f);
        float[] heard = LeadIn.of(speech);
        int silence = SpeechAudio.RATE * LeadIn.MILLIS / 1000;

        assertThat(heard).hasSize(speech.length + silence);
        assertThat(Arrays.copyOfRange(heard, 0, silence)).containsOnly(0f);
        assertThat(Arrays.copyOfRange(heard, silence, heard.length)).containsExactly(speech);
    }

    @Test
    void aRecordingThatStartsQuietIsLeftAsItIs() {
        float[] speech = tone(SpeechAudio.RATE / 10, SpeechAudio.RATE, 0.3f);
        assertThat(LeadIn.of(speech)).isSameAs(speech);
        float[] hiss = tone(0, SpeechAudio.RATE, 0.005f); // below -40 dBFS
        assertThat(LeadIn.of(hiss)).isSameAs(hiss);
        float[] none = new float[0];
        assertThat(LeadIn.of(none)).isSameAs(none);
    }
}

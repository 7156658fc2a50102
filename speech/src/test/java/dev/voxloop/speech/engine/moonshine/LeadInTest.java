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

    /** A tone from the first sample, then a pause, then the tone again: speech cut tight. */
    private static float[] cutTight() {
        float[] word = tone(0, SpeechAudio.RATE / 2, 0.3f);
        float[] out = new float[word.length * 2 + SpeechAudio.RATE / 5];
        System.arraycopy(word, 0, out, 0, word.length);
        System.arraycopy(word, 0, out, word.length + SpeechAudio.RATE / 5, word.length);
        return out;
    }

    @Test
    void speechFromTheFirstSampleGetsTheSilenceTheIntakeWouldHaveKept() {
        float[] speech = cutTight();
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

    @Test
    void noiseThatNeverFallsQuietIsNotSpeechStartingAtOnce() {
        java.util.Random r = new java.util.Random(7);
        float[] noise = new float[SpeechAudio.RATE * 3];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (float) (r.nextGaussian() * 0.2);
        }
        assertThat(LeadIn.of(noise)).isSameAs(noise);
        float[] hum = tone(0, SpeechAudio.RATE, 0.3f);
        assertThat(LeadIn.of(hum)).isSameAs(hum);
    }
}

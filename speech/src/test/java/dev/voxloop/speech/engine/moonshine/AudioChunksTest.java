package dev.voxloop.speech.engine.moonshine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AudioChunksTest {

    static final int RATE = 16_000;

    @Test
    void aShortRecordingStaysWhole() {
        List<AudioChunks.Chunk> chunks = AudioChunks.of(new float[RATE * 20], RATE);
        assertThat(chunks).hasSize(1);
        assertThat(chunks.getFirst().endSeconds()).isEqualTo(20.0);
    }

    @Test
    void aLongOneIsCutInItsQuietestMomentAndNothingIsLost() {
        float[] loud = new float[RATE * 45];
        java.util.Arrays.fill(loud, 0.5f);
        int pause = RATE * 20;
        for (int i = pause; i < pause + RATE / 5; i++) {
            loud[i] = 0;
        }
        List<AudioChunks.Chunk> chunks = AudioChunks.of(loud, RATE);

        assertThat(chunks).hasSize(2);
        assertThat(chunks.get(0).endSeconds()).isBetween(20.0, 20.2);
        assertThat(chunks.get(1).startSeconds()).isEqualTo(chunks.get(0).endSeconds());
        assertThat(chunks.stream().mapToInt(c -> c.samples().length).sum()).isEqualTo(loud.length);
    }
}

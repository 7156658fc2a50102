package dev.voxloop.speech.engine.moonshine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.FloatBuffer;
import org.junit.jupiter.api.Test;

class DecoderScratchTest {

    @Test
    void aBufferIsReusedWhileItIsLargeEnoughAndLimitedToWhatWasAsked() {
        DecoderScratch scratch = new DecoderScratch();
        FloatBuffer first = scratch.take("cache", 1000);
        FloatBuffer again = scratch.take("cache", 800);

        assertThat(again).isSameAs(first);
        assertThat(again.isDirect()).isTrue();
        assertThat(again.position()).isZero();
        assertThat(again.limit()).isEqualTo(800);
        assertThat(scratch.take("cache", 5000)).as("too small: a larger one").isNotSameAs(first);
    }

    @Test
    void whatOnlyALongRecordingNeededIsLetGoAfterIt() {
        DecoderScratch scratch = new DecoderScratch();
        int perCache = (int) (DecoderScratch.KEPT_FLOATS / 10);
        FloatBuffer kept = scratch.take("cache.0", perCache);
        scratch.trim();
        assertThat(scratch.take("cache.0", perCache)).as("a usual recording's buffers stay").isSameAs(kept);

        for (int i = 0; i < 16; i++) {
            scratch.take("cache." + i, perCache); // sixteen caches of a long recording: more than is kept
        }
        scratch.trim();

        assertThat(scratch.keptFloats()).isZero();
    }
}

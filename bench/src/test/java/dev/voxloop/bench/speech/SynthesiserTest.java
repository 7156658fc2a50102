package dev.voxloop.bench.speech;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every voice speaks the whole request, its last word too (the real Debian programs, installed by system-deps). */
@Tag("slow")
class SynthesiserTest {

    @ParameterizedTest
    @EnumSource(Synthesiser.class)
    void aLastOneWordSentenceIsSpoken(Synthesiser voice, @TempDir Path dir) throws Exception {
        assertThat(voice.available()).as(voice.label() + " is installed (scripts/system-deps.sh)").isTrue();

        double without = seconds(voice.speak("Customers get charged twice.", dir));
        double with = seconds(voice.speak("Customers get charged twice. Critical.", dir));

        assertThat(with - without).as("the seconds 'Critical.' adds").isGreaterThan(0.3);
    }

    private static double seconds(byte[] wav) throws Exception {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(new ByteArrayInputStream(wav))) {
            return in.getFrameLength() / (double) in.getFormat().getFrameRate();
        }
    }
}

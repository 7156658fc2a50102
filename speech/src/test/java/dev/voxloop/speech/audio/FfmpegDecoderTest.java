package dev.voxloop.speech.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.voxloop.core.audio.AudioUpload;
import dev.voxloop.speech.testing.TestAudio;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** MP3/FLAC through ffmpeg; runs only where ffmpeg is installed (it is optional for voxloop). */
class FfmpegDecoderTest {

    private final FfmpegDecoder ffmpeg = new FfmpegDecoder("ffmpeg");

    @Test
    void decodesFlacMadeFromARealClip(@TempDir Path dir) throws Exception {
        assumeTrue(ffmpeg.available(), "ffmpeg not installed");
        Path wav = dir.resolve("in.wav");
        Files.write(wav, TestAudio.shared("goforward.wav"));
        Path flac = dir.resolve("in.flac");
        Process p = new ProcessBuilder("ffmpeg", "-nostdin", "-loglevel", "error", "-i", wav.toString(),
                flac.toString()).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertThat(p.waitFor()).isZero();

        AudioIntake intake = new AudioIntake(30, ffmpeg, -50, false);
        SpeechAudio a = intake.prepare(new AudioUpload(Files.readAllBytes(flac), "in.flac", "audio/flac"));

        assertThat(a.originalSeconds()).isBetween(2.7, 2.9);
        float[] original = new WavDecoder().decode(TestAudio.shared("goforward.wav")).channels()[0];
        Pcm decoded = ffmpeg.decode(Files.readAllBytes(flac), "flac");
        assertThat(TestAudio.correlation(decoded.channels()[0], original, 2)).isGreaterThan(0.999);
    }
}

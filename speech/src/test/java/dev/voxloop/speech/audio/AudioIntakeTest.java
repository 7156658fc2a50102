package dev.voxloop.speech.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.voxloop.core.audio.AudioUpload;
import dev.voxloop.core.problem.Problem;
import dev.voxloop.speech.testing.TestAudio;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AudioIntakeTest {

    private final AudioIntake intake = new AudioIntake(10, new FfmpegDecoder("/nonexistent/ffmpeg"), -50, false);

    @Test
    void realClipBecomes16kMonoWithSilenceTrimmed() {
        SpeechAudio a = intake.prepare(TestAudio.upload(TestAudio.shared("goforward.wav"), "goforward.wav"));
        assertThat(a.originalSeconds()).isBetween(2.7, 2.9);
        assertThat(a.seconds()).isLessThan(a.originalSeconds()).isGreaterThan(1.0);
    }

    @Test
    void stereo44kIsMixedResampledAndTrimmed() {
        int rate = 44100;
        float[] tone = TestAudio.sine(500, rate, 1.0, 0.3);
        float[] padded = new float[rate * 3];
        System.arraycopy(tone, 0, padded, rate, tone.length);
        byte[] wav = TestAudio.wav(new float[][] {padded, padded}, rate, 24, false);

        SpeechAudio a = intake.prepare(TestAudio.upload(wav, "x.wav"));

        assertThat(a.originalSeconds()).isEqualTo(3.0, org.assertj.core.data.Offset.offset(0.01));
        // one second of sound plus at most 0.3 s of padding either side
        assertThat(a.seconds()).isBetween(1.0, 1.65);
    }

    @Test
    void emptyUploadIsInvalid() {
        assertKind(new AudioUpload(new byte[0], "a.wav", "audio/wav"), Problem.Kind.INVALID);
    }

    @Test
    void silentRecordingIsUnprocessable() {
        byte[] wav = TestAudio.wav(new float[][] {new float[16000 * 2]}, 16000, 16, false);
        assertThatThrownBy(() -> intake.prepare(TestAudio.upload(wav, "s.wav"))).isInstanceOf(Problem.class)
                .hasMessageContaining("silent")
                .extracting(e -> ((Problem) e).kind()).isEqualTo(Problem.Kind.UNPROCESSABLE);
    }

    @Test
    void overLongRecordingIsTooLarge() {
        byte[] wav = TestAudio.wav(new float[][] {TestAudio.sine(300, 8000, 11, 0.3)}, 8000, 8, false);
        assertKind(TestAudio.upload(wav, "long.wav"), Problem.Kind.TOO_LARGE);
    }

    @Test
    void mp3WithoutFfmpegIs415NamingTheFix() {
        byte[] mp3ish = {(byte) 0xFF, (byte) 0xFB, (byte) 0x90, 0x44, 0, 0, 0, 0, 1, 2, 3};
        assertThatThrownBy(() -> intake.prepare(new AudioUpload(mp3ish, "a.mp3", "audio/mpeg")))
                .isInstanceOf(Problem.class).hasMessageContaining("install ffmpeg")
                .extracting(e -> ((Problem) e).kind()).isEqualTo(Problem.Kind.UNSUPPORTED_MEDIA);
    }

    @Test
    void textIsNotAudio() {
        assertKind(new AudioUpload("hello there".getBytes(StandardCharsets.UTF_8), "a.txt", "text/plain"),
                Problem.Kind.UNSUPPORTED_MEDIA);
    }

    @Test
    void corruptWebmIsRejectedWith4xx() {
        byte[] junk = {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3, 0x00, 0x00};
        assertThatThrownBy(() -> intake.prepare(TestAudio.upload(junk, "a.webm"))).isInstanceOf(Problem.class)
                .satisfies(e -> assertThat(((Problem) e).kind()).as("the upload's fault, not ours")
                        .isIn(Problem.Kind.INVALID, Problem.Kind.UNSUPPORTED_MEDIA, Problem.Kind.UNPROCESSABLE));
    }

    private void assertKind(AudioUpload upload, Problem.Kind kind) {
        assertThatThrownBy(() -> intake.prepare(upload)).isInstanceOf(Problem.class)
                .extracting(e -> ((Problem) e).kind()).isEqualTo(kind);
    }
}

package dev.voxloop.speech.engine.whisper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.voxloop.core.problem.Problem;
import dev.voxloop.speech.audio.SpeechAudio;
import dev.voxloop.speech.testing.TestAudio;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * whisper.cpp in a child JVM, with whisper.cpp's own "for-tests" tiny model (header and vocabulary, no
 * weights): it loads, but decoding with it aborts the process - which is exactly the crash the child exists
 * to contain. full() is only ever called inside the child.
 */
class WhisperProcessTest {

    private static final SpeechAudio AUDIO = new SpeechAudio(TestAudio.sine(300, 16000, 1, 0.3), 1.0);

    static Path testModel() {
        return TestAudio.sharedSpeech().getParent().resolve("models/for-tests-ggml-tiny.bin");
    }

    @Test
    void loadsTheModelInAChildAndRunsIt() throws Exception {
        try (WhisperProcess whisper = new WhisperProcess(testModel(), 1, List.of("-Xmx128m"), "en", List::of)) {
            assertThat(whisper.alive()).isTrue();
            assertThat(whisper.pid()).isNotEqualTo(ProcessHandle.current().pid());
            // a weightless model hears nothing useful, but the round trip through the child works
            assertThat(whisper.recognize(AUDIO).text()).doesNotContain("forward");
        }
    }

    @Test
    void aNativeAbortKillsOnlyTheChildWhichIsRestarted() throws Exception {
        try (WhisperProcess whisper = new WhisperProcess(testModel(), 1, List.of("-Xmx128m"), "en", List::of)) {
            long child = whisper.pid();
            // freeze the child, hand it a request, then deliver what whisper.cpp does on a fatal error while
            // decoding: abort(), i.e. SIGABRT
            signal("STOP", child);
            var request = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return whisper.recognize(AUDIO);
                } catch (Exception e) {
                    throw new java.util.concurrent.CompletionException(e);
                }
            });
            Thread.sleep(300);
            signal("ABRT", child);
            signal("CONT", child);

            assertThatThrownBy(request::join).hasCauseInstanceOf(Problem.class)
                    .cause().hasMessageContaining("crashed")
                    .extracting(e -> ((Problem) e).kind()).isEqualTo(Problem.Kind.UNAVAILABLE);
            assertThat(ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false)).isFalse();

            // this JVM lives on, and the next request gets a fresh child
            whisper.recognize(AUDIO);
            assertThat(whisper.alive()).isTrue();
            assertThat(whisper.pid()).isNotEqualTo(child);
        }
    }

    private static void signal(String name, long pid) throws Exception {
        new ProcessBuilder("kill", "-" + name, String.valueOf(pid)).start().waitFor();
    }

    @Test
    void aFileThatIsNotAModelIsReportedAsUnavailable(@TempDir Path dir) throws IOException {
        Path junk = dir.resolve("ggml-junk.bin");
        Files.write(junk, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
        assertThatThrownBy(() -> new WhisperProcess(junk, 1, List.of("-Xmx128m"), "en", List::of))
                .isInstanceOf(Problem.class).hasMessageContaining("not a usable whisper ggml model")
                .extracting(e -> ((Problem) e).kind()).isEqualTo(Problem.Kind.UNAVAILABLE);
    }

    @Test
    void missingModelNamesTheDownloadCommand(@TempDir Path dir) {
        Path missing = new WhisperModels(dir, WhisperModels.DEFAULT_SOURCE).resolve("base.en");
        assertThat(missing.getFileName().toString()).isEqualTo("ggml-base.en.bin");
        assertThatThrownBy(() -> new WhisperProcess(missing, 1, List.of(), "en", List::of))
                .isInstanceOf(Problem.class).hasMessageContaining("voxloop models pull");
    }

    @Test
    void namesAndPathsResolve(@TempDir Path dir) {
        WhisperModels models = new WhisperModels(dir, "http://mirror.example/models/");
        assertThat(models.resolve("/opt/m/ggml-small.bin")).isEqualTo(Path.of("/opt/m/ggml-small.bin"));
        assertThat(models.resolve("small.en")).isEqualTo(dir.resolve("ggml-small.en.bin"));
        assertThat(models.url("tiny.en").toString()).isEqualTo("http://mirror.example/models/ggml-tiny.en.bin");
    }
}

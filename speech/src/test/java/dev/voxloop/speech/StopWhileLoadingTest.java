package dev.voxloop.speech;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voxloop.speech.engine.WarmEngine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process that stops while the offline engine loads (a {@code serve} stopped during its start): the temporary
 * directory holding the engine's language model is deleted only once the recogniser has finished loading from it,
 * so the load does not fail as a broken model (a further one is not started, quietly), and the directory is still
 * gone after the exit. A real child JVM,
 * since the deletion belongs to the JVM's shutdown; slow suite (one engine load, a few seconds).
 */
@Tag("slow")
class StopWhileLoadingTest {

    @TempDir
    Path tmp;

    @Test
    void theLanguageModelOutlivesALoadTheStopCutsShort() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path output = tmp.resolve("output.txt");
        Process p = new ProcessBuilder(java, "-Djava.io.tmpdir=" + tmp, "-cp", System.getProperty("java.class.path"),
                ExitWhileLoading.class.getName()).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        try {
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the process exits").isTrue();
        } finally {
            p.destroyForcibly();
        }
        String out = Files.readString(output, StandardCharsets.UTF_8);
        // the recogniser being loaded finishes; one more (the engine loads one per worker) is not started
        assertThat(out).as("the child's output").contains("exiting while the engine loads")
                .containsPattern("engine after the stop: (READY|FAILED could not load: voxloop is stopping)")
                .doesNotContain("could not read the language model")
                .doesNotContain("could not be loaded");
        assertThat(out.lines().filter(l -> l.contains(" WARN ") || l.contains(" ERROR ")))
                .as("warnings and errors; output:%n%s", out).isEmpty();
        try (Stream<Path> left = Files.list(tmp)) {
            assertThat(left.map(f -> f.getFileName().toString()))
                    .as("temporary directories left after the exit").noneMatch(n -> n.startsWith("voxloop-speech-"));
        }
    }

    /**
     * The child: starts loading the PocketSphinx engine (which builds a language model), exits as soon as its language model is written, and,
     * as {@code serve}'s own shutdown hook keeps the process alive while it closes things, keeps it alive until the
     * load has ended, then says how the engine stands.
     */
    public static final class ExitWhileLoading {

        public static void main(String[] args) throws Exception {
            WarmEngine engine = SpeechEngines.create(SpeechSettings.defaults().withEngine("pocketsphinx"),
                    () -> List.of("TrackIt"));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                engine.awaitReady(Duration.ofSeconds(60));
                System.out.println("engine after the stop: " + engine.status().state() + " "
                        + engine.status().detail());
                System.out.flush();
            }));
            engine.warm();
            Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!languageModelWritten(tmp) && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            System.out.println("exiting while the engine loads: " + engine.status().state());
            System.out.flush();
            System.exit(0);
        }

        /** The language model is written and the decoder is about to read it. */
        private static boolean languageModelWritten(Path tmp) throws IOException {
            try (Stream<Path> files = Files.list(tmp)) {
                return files.anyMatch(f -> f.getFileName().toString().startsWith("voxloop-speech-")
                        && Files.isRegularFile(f.resolve("domain.dict")));
            }
        }
    }
}

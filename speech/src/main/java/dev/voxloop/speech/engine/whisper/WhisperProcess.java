package dev.voxloop.speech.engine.whisper;

import dev.voxloop.core.problem.Problem;
import dev.voxloop.core.process.Command;
import dev.voxloop.core.process.ProcessTree;
import dev.voxloop.core.transcript.Transcript;
import dev.voxloop.speech.audio.SpeechAudio;
import dev.voxloop.speech.engine.Heard;
import dev.voxloop.speech.engine.Recognizer;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Runs whisper.cpp (through whisper-jni) in a child JVM started with this JVM's own java binary and class
 * path, so a native abort kills only the child. The model loads once when the child starts; a child that
 * died is started again on the next request.
 */
public final class WhisperProcess implements Recognizer {

    private final Path model;
    private final int threads;
    private final List<String> javaOptions;
    private final String language;
    private final Supplier<List<String>> vocabulary;
    private final Path tmpDir;
    private Process process;
    private DataOutputStream toChild;
    private DataInputStream fromChild;
    private final StringBuilder stderrTail = new StringBuilder();

    public WhisperProcess(Path model, int threads, List<String> javaOptions, String language,
                          Supplier<List<String>> vocabulary) throws IOException {
        if (!Files.isRegularFile(model)) {
            throw new Problem(Problem.Kind.UNAVAILABLE, "The whisper model " + model + " is not there; download it"
                    + " with `voxloop models pull NAME` or set speech.whisper.model to a ggml .bin file", null);
        }
        this.model = model;
        this.threads = threads;
        this.javaOptions = javaOptions;
        this.language = language == null ? "" : language;
        this.vocabulary = vocabulary;
        // whisper-jni unpacks its native libraries into java.io.tmpdir and never removes them: give the child
        // its own directory and remove it when the child is done
        this.tmpDir = Files.createTempDirectory("voxloop-whisper-");
        start();
    }

    private synchronized void start() throws IOException {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> cmd = new ArrayList<>();
        cmd.add(java);
        cmd.addAll(javaOptions);
        cmd.add("--enable-native-access=ALL-UNNAMED");
        cmd.add("-Djava.io.tmpdir=" + tmpDir);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(WhisperWorker.class.getName());
        cmd.add(model.toAbsolutePath().toString());
        cmd.add(String.valueOf(threads));
        process = Command.of(cmd).start();
        drainStderr(process.getErrorStream());
        toChild = new DataOutputStream(new BufferedOutputStream(process.getOutputStream(), 1 << 16));
        fromChild = new DataInputStream(new BufferedInputStream(process.getInputStream()));
        CompletableFuture<Integer> ready = CompletableFuture.supplyAsync(() -> {
            try {
                return fromChild.readInt();
            } catch (IOException e) {
                return -1; // the child closed its output before saying it was ready: a failed start, reported below
            }
        });
        int marker;
        try {
            marker = ready.get(120, TimeUnit.SECONDS);
        } catch (Exception e) {
            marker = -1; // no ready marker within the limit: a failed start, reported below with the exit code
        }
        if (marker != WhisperWorker.READY) {
            ProcessTree.kill(process.toHandle());
            int exit = waitExit();
            String why = exit == WhisperWorker.EXIT_BAD_MODEL ? "the file is not a usable whisper ggml model"
                    : exit == WhisperWorker.EXIT_NO_LIBRARY ? "the native whisper library cannot load on this machine"
                    : "the whisper process stopped (exit " + exit + ")";
            throw new Problem(Problem.Kind.UNAVAILABLE, "The whisper engine cannot start: " + why + " (" + model
                    .getFileName() + ")", null);
        }
    }

    private int waitExit() {
        try {
            process.waitFor(10, TimeUnit.SECONDS);
            return process.isAlive() ? -1 : process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private void drainStderr(InputStream err) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[4096];
            try {
                int n;
                while ((n = err.read(buf)) > 0) {
                    synchronized (stderrTail) {
                        stderrTail.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                        if (stderrTail.length() > 4000) {
                            stderrTail.delete(0, stderrTail.length() - 4000);
                        }
                    }
                }
            } catch (IOException e) {
                // the child's stderr closed because the child ended: there is nothing more to read
            }
        }, "whisper-stderr");
        t.setDaemon(true);
        t.start();
    }

    /** True while the child process is alive. */
    public synchronized boolean alive() {
        return process != null && process.isAlive();
    }

    /** The child's process id (tests use it to check isolation). */
    public synchronized long pid() {
        return process.pid();
    }

    @Override
    public synchronized Heard recognize(SpeechAudio audio) throws IOException {
        if (!alive()) {
            start();
        }
        float[] s = audio.samples();
        try {
            toChild.writeInt(s.length);
            for (float v : s) {
                toChild.writeFloat(v);
            }
            toChild.writeUTF(language);
            String prompt = String.join(", ", vocabulary.get());
            toChild.writeUTF(prompt.substring(0, Math.min(400, prompt.length())));
            toChild.flush();
            String status = fromChild.readUTF();
            if (!status.equals("ok")) {
                throw new Problem(Problem.Kind.UNAVAILABLE, "The whisper engine failed: " + fromChild.readUTF(), null);
            }
            String text = fromChild.readUTF();
            int n = fromChild.readInt();
            List<Transcript.Segment> segments = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                double t0 = fromChild.readLong() / 100.0;
                double t1 = fromChild.readLong() / 100.0;
                segments.add(new Transcript.Segment(t0, t1, fromChild.readUTF()));
            }
            return new Heard(text, language.isEmpty() ? "unknown" : language, null, segments);
        } catch (IOException e) {
            int exit = waitExit();
            throw new Problem(Problem.Kind.UNAVAILABLE, "The whisper engine crashed on this recording (exit " + exit
                    + "); it will be restarted for the next one", null, e);
        }
    }

    @Override
    public void abandon() {
        Process p = process;
        if (p != null) {
            ProcessTree.kill(p.toHandle());
        }
    }

    @Override
    public synchronized void close() {
        if (process != null) {
            try {
                toChild.close();
            } catch (IOException e) {
                // the child has already exited and closed its input; the wait below finds that out
            }
            try {
                if (!process.waitFor(2, TimeUnit.SECONDS)) {
                    ProcessTree.kill(process.toHandle());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                ProcessTree.kill(process.toHandle());
            }
        }
        try (Stream<Path> files = Files.walk(tmpDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // only the child's unpacked native libraries are left behind in the temporary directory
        }
    }
}

package dev.voxloop.app.pipeline;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A real `voxloop serve` (or another command that runs until stopped, such as `voxloop worker`, or any command caught
 * in the middle of its work) in a child JVM, so a test can signal it, kill it with SIGKILL and start it again.
 */
final class ServerProcess implements AutoCloseable {

    private static final Pattern URL = Pattern.compile("serving on (http://\\S+)");
    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");
    private static final Pattern WAITING = Pattern.compile("voxloop worker (\\S+) waiting for queued tickets");

    private final Process process;
    /** What the ready line named: the server's URL, or the worker's id. */
    private final String ready;
    private final StringBuffer output;
    private final CompletableFuture<Void> outputEnded;

    private ServerProcess(Process process, String ready, StringBuffer output, CompletableFuture<Void> outputEnded) {
        this.process = process;
        this.ready = ready;
        this.output = output;
        this.outputEnded = outputEnded;
    }

    static ServerProcess start(Path dataDir, Map<String, String> env, String... serveArgs) throws IOException {
        return start(URL, dataDir, env, serve(dataDir, serveArgs));
    }

    /**
     * As {@link #start}, but returns as soon as the HTTP server listens, while the server is still starting (its
     * database opening, its workers and housekeeping not yet started).
     */
    static ServerProcess starting(Path dataDir, Map<String, String> env, String... serveArgs) throws IOException {
        return start(LISTENING, dataDir, env, serve(dataDir, serveArgs));
    }

    /** A `voxloop worker` (the loop's worker without the HTTP server), returned once it waits for tickets. */
    static ServerProcess worker(Path dataDir, Map<String, String> env, String... workerArgs) throws IOException {
        List<String> args = new ArrayList<>(List.of("worker", "--data", dataDir.toString()));
        args.addAll(List.of(workerArgs));
        return start(WAITING, dataDir, env, args);
    }

    /**
     * Any voxloop command, returned once a line of its output matches {@code ready} (whose first group is what
     * {@link #url} gives), or at once when {@code ready} is null; its standard input stays open for {@link #type}.
     */
    static ServerProcess command(Pattern ready, Path dataDir, Map<String, String> env, String... args)
            throws IOException {
        return start(ready, dataDir, env, List.of(args));
    }

    private static List<String> serve(Path dataDir, String... serveArgs) {
        return Stream.concat(Stream.of("serve", "--port", "0", "--data", dataDir.toString()), Stream.of(serveArgs))
                .toList();
    }

    private static ServerProcess start(Pattern ready, Path dataDir, Map<String, String> env, List<String> args)
            throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // a test run that is a background job of a script has SIGINT ignored, and a child inherits that (the JVM then
        // leaves Ctrl-C alone); env resets it, so Ctrl-C reaches the child as it reaches a command typed in a terminal
        List<String> cmd = new ArrayList<>(List.of("env", "--default-signal=INT", java, "-Xmx512m", "-cp",
                System.getProperty("java.class.path"),
                // a JVM crash report lands beside the data, where a test can look for it
                "-XX:ErrorFile=" + dataDir.resolve("hs_err_pid%p.log"), "dev.voxloop.app.Main"));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        CompletableFuture<String> found = ready == null ? CompletableFuture.completedFuture("")
                : new CompletableFuture<>();
        StringBuffer output = new StringBuffer();
        CompletableFuture<Void> outputEnded = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    output.append(line).append('\n');
                    Matcher m = ready == null ? null : ready.matcher(line);
                    if (m != null && m.find()) {
                        found.complete(m.group(1));
                    }
                }
            } catch (IOException ignored) {
                // process gone
            }
            outputEnded.complete(null);
            found.completeExceptionally(new IOException("server exited before it was ready"));
        });
        reader.setDaemon(true);
        reader.start();
        try {
            return new ServerProcess(p, found.get(60, TimeUnit.SECONDS), output, outputEnded);
        } catch (Exception e) {
            p.destroyForcibly();
            throw new IOException("server did not start: " + e.getMessage(), e);
        }
    }

    /** Where the server listens (for a worker: its id). */
    String url() {
        return ready;
    }

    /**
     * SIGTERM, as a service manager stops it; waits for the exit and the last of its output, and gives its status
     * (-1 when it did not exit in time). Sent through the process handle: {@code Process.destroy()} would also
     * close our end of its output at once, so whatever the server prints while it stops would be lost.
     */
    int terminate(Duration within) throws Exception {
        process.toHandle().destroy();
        return exitStatus(within);
    }

    /** SIGINT, as Ctrl-C in a terminal sends it; otherwise as {@link #terminate}. */
    int interrupt(Duration within) throws Exception {
        Process kill = new ProcessBuilder("kill", "-INT", String.valueOf(process.pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IOException("kill -INT " + process.pid() + " failed");
        }
        return exitStatus(within);
    }

    private int exitStatus(Duration within) throws Exception {
        if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
            return -1;
        }
        outputEnded.get(10, TimeUnit.SECONDS);
        return process.exitValue();
    }

    /** Sends {@code line} to the command's standard input. */
    void type(String line) throws IOException {
        process.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().flush();
    }

    /** Waits until the output has a line matching {@code pattern}, and gives that line. */
    String awaitLine(Pattern pattern, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        do {
            var line = output().lines().filter(l -> pattern.matcher(l).find()).findFirst();
            if (line.isPresent()) {
                return line.get();
            }
            if (!process.isAlive()) {
                break;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        throw new IOException("no line matching " + pattern + " within " + within + "; output:\n" + output());
    }

    /** Everything the server printed so far (standard output and error). */
    String output() {
        return output.toString();
    }

    /** SIGKILL: no shutdown hooks, no flushing. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /**
     * SIGKILL to the server and then to the processes it started (an agent mid-turn), as when the machine goes
     * down: nothing of the server's runs after this.
     */
    void killWithChildren() throws InterruptedException {
        List<ProcessHandle> children = process.descendants().toList();
        kill();
        children.forEach(ProcessHandle::destroyForcibly);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(Duration.ofSeconds(20).toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}

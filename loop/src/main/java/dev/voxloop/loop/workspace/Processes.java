package dev.voxloop.loop.workspace;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a process to completion with a deadline, capturing stdout and stderr together (capped at 2 MB), optionally
 * showing each output line to a {@link LineWatcher} as it arrives (an agent's event stream), which may end the
 * process early.
 */
public final class Processes {

    private static final int CAP = 2 * 1024 * 1024;
    /** How the output of a program that could not be started begins (exit 127, like a shell's "not found"). */
    static final String NOT_STARTED = "could not start ";

    /** Sees each output line as it arrives; answering false ends the process (and its children) at once. */
    @FunctionalInterface
    public interface LineWatcher {

        boolean line(String line);
    }

    private Processes() {
    }

    public static CommandResult run(List<String> argv, Path dir, Map<String, String> env, String stdin,
                                    Duration timeout) {
        return run(argv, dir, env, stdin, timeout, null);
    }

    public static CommandResult run(List<String> argv, Path dir, Map<String, String> env, String stdin,
                                    Duration timeout, LineWatcher watcher) {
        long t0 = System.nanoTime();
        ProcessBuilder pb = new ProcessBuilder(argv).directory(dir.toFile()).redirectErrorStream(true);
        if (env != null) {
            env.forEach((k, v) -> {
                if (v == null) {
                    pb.environment().remove(k);
                } else {
                    pb.environment().put(k, v);
                }
            });
        }
        try {
            Process p = pb.start();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Thread reader = Thread.ofVirtual().start(() -> drain(p, out, watcher));
            try (var in = p.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            } catch (IOException ignored) {
                // safe: a process that exits or closes stdin without reading its input still runs to its result
            }
            boolean done = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!done) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(5, TimeUnit.SECONDS);
            }
            reader.join(2000);
            String text;
            synchronized (out) {
                text = out.toString(StandardCharsets.UTF_8);
            }
            return new CommandResult(done ? p.exitValue() : -1, text, !done, (System.nanoTime() - t0) / 1_000_000);
        } catch (IOException e) {
            return new CommandResult(127, NOT_STARTED + argv.get(0) + ": " + e.getMessage(), false,
                    (System.nanoTime() - t0) / 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + argv.get(0), e);
        }
    }

    /** A shell command line ({@code sh -c}). */
    public static CommandResult shell(String command, Path dir, Map<String, String> env, Duration timeout) {
        return run(List.of("sh", "-c", command), dir, env, null, timeout);
    }

    private static void drain(Process p, ByteArrayOutputStream out, LineWatcher watcher) {
        InputStream in = p.getInputStream();
        byte[] buf = new byte[8192];
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try {
            int n;
            while ((n = in.read(buf)) > 0) {
                if (watcher != null && !watch(buf, n, line, watcher)) {
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly();
                    watcher = null;
                }
                synchronized (out) {
                    if (out.size() > CAP) {
                        byte[] keep = out.toByteArray();
                        out.reset();
                        out.write(keep, keep.length - CAP / 2, CAP / 2);
                    }
                    out.write(buf, 0, n);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Hands complete lines in {@code buf} to the watcher; false when it asked to stop. */
    private static boolean watch(byte[] buf, int n, ByteArrayOutputStream line, LineWatcher watcher) {
        for (int i = 0; i < n; i++) {
            if (buf[i] == '\n') {
                String l = line.toString(StandardCharsets.UTF_8);
                line.reset();
                if (!watcher.line(l)) {
                    return false;
                }
            } else {
                line.write(buf[i]);
            }
        }
        return true;
    }
}

package dev.voxloop.guard.sandbox;

import dev.voxloop.core.sandbox.LimitHit;
import dev.voxloop.core.sandbox.Sandbox.OutputWatcher;
import dev.voxloop.core.sandbox.SandboxLimits;
import dev.voxloop.core.sandbox.SandboxResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts a process with exactly the given environment (nothing inherited), feeds its stdin, keeps its combined
 * output up to a cap, shows each line to a watcher as it arrives, and kills the whole tree when the deadline
 * passes, the output overflows or the watcher says stop.
 */
final class LimitedProcess {

    /** How it ended; {@code exit} is -1 when it had to be killed. */
    record Outcome(int exit, String output, boolean timedOut, boolean outputOverflow, long millis) {

        /** The limit voxloop itself enforced (wall time or output), if one stopped the process. */
        LimitHit hit(SandboxLimits limits) {
            return timedOut ? new LimitHit.WallTime(limits.wallTime())
                    : outputOverflow ? new LimitHit.Output(limits.outputBytes()) : null;
        }

        /** As a sandbox result, for backends whose only limits are voxloop's own. */
        SandboxResult result(SandboxLimits limits) {
            return new SandboxResult(exit, output, hit(limits), millis);
        }
    }

    private LimitedProcess() {
    }

    static Outcome run(List<String> argv, Path dir, Map<String, String> env, String stdin, Duration timeout,
                       long outputCap) throws IOException {
        return run(argv, dir, env, stdin, timeout, outputCap, OutputWatcher.NONE);
    }

    static Outcome run(List<String> argv, Path dir, Map<String, String> env, String stdin, Duration timeout,
                       long outputCap, OutputWatcher watcher) throws IOException {
        long t0 = System.nanoTime();
        ProcessBuilder pb = new ProcessBuilder(argv).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().clear();
        pb.environment().putAll(env);
        Process p = pb.start();
        CappedBuffer out = new CappedBuffer(outputCap, () -> kill(p), watcher);
        Thread reader = Thread.ofVirtual().start(() -> out.drain(p.getInputStream()));
        Thread writer = Thread.ofVirtual().start(() -> feed(p.getOutputStream(), stdin));
        boolean done;
        try {
            done = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!done) {
                kill(p);
                p.waitFor(10, TimeUnit.SECONDS);
            }
            reader.join(5000);
            writer.join(1000);
        } catch (InterruptedException e) {
            kill(p);
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + argv.get(0), e);
        }
        int exit = p.isAlive() ? -1 : p.exitValue();
        return new Outcome(done && !out.overflowed() ? exit : -1, out.text(), !done, out.overflowed(),
                (System.nanoTime() - t0) / 1_000_000);
    }

    static void kill(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
    }

    private static void feed(OutputStream in, String stdin) {
        try (in) {
            if (stdin != null) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException ignored) {
            // the command need not read its input
        }
    }

    /**
     * Output up to a cap; the first byte past it calls {@code stop} once, as does a watcher asking to stop
     * (which then sees no more lines).
     */
    private static final class CappedBuffer {
        private final long cap;
        private final Runnable stop;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();
        private OutputWatcher watcher;
        private volatile boolean overflowed;

        CappedBuffer(long cap, Runnable stop, OutputWatcher watcher) {
            this.cap = cap;
            this.stop = stop;
            this.watcher = watcher == OutputWatcher.NONE ? null : watcher;
        }

        private void watch(byte[] buf, int n) {
            for (int i = 0; i < n && watcher != null; i++) {
                if (buf[i] != '\n') {
                    line.write(buf[i]);
                    continue;
                }
                String l = line.toString(StandardCharsets.UTF_8);
                line.reset();
                if (!watcher.line(l)) {
                    watcher = null;
                    stop.run();
                }
            }
        }

        void drain(InputStream in) {
            byte[] buf = new byte[8192];
            try (in) {
                int n;
                while ((n = in.read(buf)) > 0) {
                    watch(buf, n);
                    synchronized (bytes) {
                        long room = cap - bytes.size();
                        bytes.write(buf, 0, (int) Math.min(n, Math.max(room, 0)));
                        if (n > room && !overflowed) {
                            overflowed = true;
                            stop.run();
                        }
                    }
                }
            } catch (IOException ignored) {
                // the process was killed; what was read is kept
            }
        }

        boolean overflowed() {
            return overflowed;
        }

        String text() {
            synchronized (bytes) {
                return bytes.toString(StandardCharsets.UTF_8);
            }
        }
    }
}

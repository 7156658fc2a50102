package dev.voxloop.core.testing;

import dev.voxloop.core.sandbox.LimitHit;
import dev.voxloop.core.sandbox.Sandbox;
import dev.voxloop.core.sandbox.SandboxRequest;
import dev.voxloop.core.sandbox.SandboxResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Test fixture: runs commands as plain child processes (the test's environment plus the request's, HOME the
 * request's home, the wall-time limit only), for tests of the loop's own logic. The boundary itself is tested
 * against the real backends in the guard module; nothing here stands in for it.
 */
public final class DirectSandbox implements Sandbox {

    @Override
    public String name() {
        return "direct (tests)";
    }

    @Override
    public boolean isolates() {
        return false;
    }

    @Override
    public SandboxResult run(SandboxRequest r, OutputWatcher watcher) {
        long t0 = System.nanoTime();
        ProcessBuilder pb = new ProcessBuilder(r.command()).directory(r.workspace().toFile())
                .redirectErrorStream(true);
        pb.environment().putAll(r.env());
        if (r.home() != null) {
            pb.environment().put("HOME", r.home().toString());
        }
        try {
            Process p = pb.start();
            Thread feeder = Thread.ofVirtual().start(() -> {
                try (var in = p.getOutputStream()) {
                    if (r.stdin() != null) {
                        in.write(r.stdin().getBytes(StandardCharsets.UTF_8));
                    }
                } catch (IOException ignored) {
                    // the command need not read its input
                }
            });
            StringBuffer out = new StringBuffer();
            Thread reader = Thread.ofVirtual().start(() -> {
                try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    String line;
                    boolean watching = true;
                    while ((line = lines.readLine()) != null) {
                        out.append(line).append('\n');
                        if (watching && !watcher.line(line)) {
                            watching = false;
                            p.descendants().forEach(ProcessHandle::destroyForcibly);
                            p.destroyForcibly();
                        }
                    }
                } catch (IOException ignored) {
                    // killed
                }
            });
            boolean done = p.waitFor(r.limits().wallTime().toMillis(), TimeUnit.MILLISECONDS);
            if (!done) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor();
            }
            reader.join(2000);
            feeder.join(1000);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            return done ? new SandboxResult(p.exitValue(), out.toString(), null, ms)
                    : new SandboxResult(-1, out.toString(), new LimitHit.WallTime(r.limits().wallTime()), ms);
        } catch (IOException e) {
            if (String.valueOf(e.getMessage()).contains("Cannot run program")) {
                return SandboxResult.notStarted(r.command().get(0), e.getMessage(), 0);
            }
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package dev.voxloop.forge.ci;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs one check's command: a fresh clone of the head commit in a new directory, then {@code sh -c run} there
 * with a clean environment (PATH, a throw-away HOME, CI=true; no credentials of voxloop's), output streamed to
 * {@code log} as it comes, the whole process tree stopped at the timeout. The directory is removed afterwards.
 */
final class CheckProcess {

    /** How a check's command ended. */
    record Outcome(int exitCode, boolean timedOut, String tail) {
    }

    private CheckProcess() {
    }

    static Outcome run(Path bareRepository, String sha, CiCommand command, Path scratch, Consumer<String> log)
            throws IOException, InterruptedException {
        Files.createDirectories(scratch);
        Path dir = Files.createTempDirectory(scratch, "check-");
        try {
            Path work = dir.resolve("src");
            Path home = Files.createDirectories(dir.resolve("home"));
            log.accept("$ git clone " + bareRepository.getFileName() + " && git checkout " + sha.substring(0, 10)
                    + "\n");
            Outcome clone = exec(List.of("sh", "-c", "git clone --quiet --no-hardlinks \"$0\" src && cd src"
                    + " && git -c advice.detachedHead=false checkout --quiet \"$1\"", bareRepository.toString(), sha),
                    dir, home, Duration.ofMinutes(5), log);
            if (clone.exitCode() != 0 || clone.timedOut()) {
                return new Outcome(clone.exitCode() == 0 ? 128 : clone.exitCode(), clone.timedOut(),
                        "cloning the head commit failed: " + clone.tail());
            }
            log.accept("$ " + command.run().replace("\n", "\n  ") + "\n");
            return exec(List.of("sh", "-c", command.run()), work, home, command.timeout(), log);
        } finally {
            deleteTree(dir);
        }
    }

    private static Outcome exec(List<String> argv, Path cwd, Path home, Duration timeout, Consumer<String> log)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(argv).directory(cwd.toFile()).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        String path = env.getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
        String javaHome = env.get("JAVA_HOME");
        env.clear();
        env.put("PATH", path);
        env.put("HOME", home.toString());
        env.put("LANG", "C.UTF-8");
        env.put("CI", "true");
        env.put("GIT_TERMINAL_PROMPT", "0");
        if (javaHome != null) {
            env.put("JAVA_HOME", javaHome);
        }
        Process p = pb.start();
        p.getOutputStream().close();
        Tail tail = new Tail(4000);
        Thread reader = Thread.ofVirtual().start(() -> pump(p.getInputStream(), log, tail));
        boolean finished = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (!finished) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
        reader.join(5000);
        if (!finished) {
            log.accept("\nstopped after " + timeout.toSeconds() + " s (the check's timeout)\n");
        }
        return new Outcome(finished ? p.exitValue() : 124, !finished, tail.text());
    }

    private static void pump(InputStream in, Consumer<String> log, Tail tail) {
        byte[] buf = new byte[8192];
        try (in) {
            int n;
            while ((n = in.read(buf)) > 0) {
                String s = new String(buf, 0, n, StandardCharsets.UTF_8);
                tail.add(s);
                log.accept(s);
            }
        } catch (IOException ignored) {
            // the process was stopped (timeout): what it printed so far is already in the log
        }
    }

    /** The last characters of the output, for the check's summary. */
    private static final class Tail {
        private final int max;
        private final StringBuilder sb = new StringBuilder();

        Tail(int max) {
            this.max = max;
        }

        synchronized void add(String s) {
            sb.append(s);
            if (sb.length() > max * 2) {
                sb.delete(0, sb.length() - max);
            }
        }

        synchronized String text() {
            return sb.length() <= max ? sb.toString() : sb.substring(sb.length() - max);
        }
    }

    static void deleteTree(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // a scratch directory left behind is removed with the next sweep of the CI scratch folder
        }
    }
}

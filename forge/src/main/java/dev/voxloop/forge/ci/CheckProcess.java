package dev.voxloop.forge.ci;

import dev.voxloop.core.process.Command;
import dev.voxloop.core.process.Exit;

import dev.voxloop.core.sandbox.LimitHit;
import dev.voxloop.core.sandbox.Network;
import dev.voxloop.core.sandbox.Sandbox;
import dev.voxloop.core.sandbox.SandboxLimits;
import dev.voxloop.core.sandbox.SandboxRequest;
import dev.voxloop.core.sandbox.SandboxResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs one check's command: a fresh clone of the head commit in a new directory (made by voxloop with git on the
 * host), then {@code sh -c run} inside the {@link Sandbox} with that clone as the only writable tree, no network,
 * a throw-away home, {@code CI=true} and none of voxloop's credentials. The command's output goes to a file beside
 * the clone, which is read while it grows, so the log streams. The directory is removed afterwards.
 */
public final class CheckProcess {

    /** The file, beside the clone {@code src/}, the check's output is written to. */
    static final String LOG_FILE = "check.log";

    /** How a check's command ended. */
    record Outcome(int exitCode, boolean timedOut, String tail) {
    }

    private final Sandbox sandbox;
    private final SandboxLimits limits;
    private final Path scratch;

    /**
     * @param sandbox where check commands run (the configured sandbox; bubblewrap by default)
     * @param limits  memory, processes and output of one check (its wall time is the check's timeout)
     * @param scratch where the head commits are cloned
     */
    public CheckProcess(Sandbox sandbox, SandboxLimits limits, Path scratch) {
        this.sandbox = sandbox;
        this.limits = limits;
        this.scratch = scratch;
    }

    /** One line for logs: where checks run. */
    public String describe() {
        return sandbox.describe();
    }

    Outcome run(Path bareRepository, String sha, CiCommand command, Consumer<String> log)
            throws IOException, InterruptedException {
        Files.createDirectories(scratch);
        Path dir = Files.createTempDirectory(scratch, "check-");
        try {
            log.accept("$ git clone " + bareRepository.getFileName() + " && git checkout " + sha.substring(0, 10)
                    + "\n");
            String clone = cloneHead(bareRepository, sha, dir);
            if (clone != null) {
                return new Outcome(128, false, "cloning the head commit failed: " + clone);
            }
            log.accept("$ " + command.run().replace("\n", "\n  ") + "\n");
            Path output = dir.resolve(LOG_FILE);
            Files.createFile(output);
            SandboxResult r;
            try (LogFollower follower = LogFollower.start(output, log)) {
                r = sandbox.run(new SandboxRequest(List.of("sh", "-c",
                        "cd src || exit 127; exec sh -c \"$0\" >../" + LOG_FILE + " 2>&1", command.run()), dir,
                        Map.of("CI", "true", "GIT_TERMINAL_PROMPT", "0"), null, null, Network.NONE,
                        limits.withWallTime(command.timeout()), null));
            }
            String sandboxSays = r.tail(4000).strip();
            if (!sandboxSays.isEmpty()) {
                log.accept("\n[sandbox] " + sandboxSays + "\n");
            }
            boolean timedOut = r.limitHit() instanceof LimitHit.WallTime;
            if (timedOut) {
                log.accept("\nstopped after " + command.timeout().toSeconds() + " s (the check's timeout)\n");
            }
            int exit = r.limitHit() != null && !timedOut && r.exit() == 0 ? 137 : r.exit();
            return new Outcome(timedOut ? 124 : exit, timedOut, LogFollower.tail(output, 4000)
                    + (sandboxSays.isEmpty() ? "" : "\n" + sandboxSays));
        } finally {
            deleteTree(dir);
        }
    }

    /** Clones the bare repository into {@code dir/src} at {@code sha}; null when that worked, else git's words. */
    private static String cloneHead(Path bareRepository, String sha, Path dir)
            throws IOException, InterruptedException {
        Exit cloned = Command.of("sh", "-c", "git clone --quiet --no-hardlinks \"$0\" src && cd src"
                        + " && git -c advice.detachedHead=false checkout --quiet \"$1\"", bareRepository.toString(), sha)
                .directory(dir).environment(Map.of("GIT_TERMINAL_PROMPT", "0")).mergeErrors()
                .run();
        return cloned.ok() ? null : cloned.output().strip();
    }

    static void deleteTree(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // a scratch directory left behind is removed with the next sweep of the CI scratch folder
        }
    }
}

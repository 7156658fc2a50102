package dev.voxloop.guard.sandbox;

import dev.voxloop.core.sandbox.Sandbox;
import dev.voxloop.core.sandbox.SandboxRequest;
import dev.voxloop.core.sandbox.SandboxResult;
import dev.voxloop.core.sandbox.SandboxUnavailable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The {@code none} backend: no isolation. Commands run on the host with the worker's rights, files and network;
 * only the environment allowlist, the wall-time and the output limits still apply. Chosen only by configuration,
 * and reported loudly by doctor, the console and every run.
 */
public final class HostSandbox implements Sandbox {

    private final SandboxSettings settings;

    HostSandbox(SandboxSettings settings) {
        this.settings = settings;
    }

    @Override
    public String name() {
        return "none";
    }

    @Override
    public boolean isolates() {
        return false;
    }

    @Override
    public SandboxResult run(SandboxRequest r, OutputWatcher watcher) {
        Path home = r.home();
        Path fresh = null;
        try {
            if (home == null) {
                home = fresh = Files.createTempDirectory("voxloop-home-");
            }
            Map<String, String> env = SandboxEnvironment.of(r, settings, home, name(), System.getenv());
            return LimitedProcess.run(r.command(), r.workspace(), env, r.stdin(), r.limits().wallTime(),
                    r.limits().outputBytes(), watcher).result(r.limits());
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().contains("Cannot run program")) {
                return SandboxResult.notStarted(r.command().get(0), e.getMessage(), 0);
            }
            throw new SandboxUnavailable("cannot run " + r.command().get(0) + ": " + e.getMessage());
        } finally {
            Sandboxes.deleteTree(fresh);
        }
    }
}

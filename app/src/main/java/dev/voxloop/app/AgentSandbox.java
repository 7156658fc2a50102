package dev.voxloop.app;

import dev.voxloop.core.config.ConfigTree;
import dev.voxloop.core.event.PipelineEvent;
import dev.voxloop.guard.sandbox.SandboxSettings;
import dev.voxloop.guard.sandbox.Sandboxes;
import dev.voxloop.loop.workspace.RunSandbox;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Consumer;

/**
 * Wires the sandbox every agent turn, gate and CI check runs in, from {@code sandbox.*}: the backend, each
 * project's egress hosts, the limits, and the agents' per-run homes under {@code <data>/sandbox/homes}.
 */
public final class AgentSandbox {

    private AgentSandbox() {
    }

    public static RunSandbox from(ConfigTree config, Path dataDir, Consumer<PipelineEvent> events, Clock clock) {
        SandboxSettings s = SandboxSettings.from(config);
        return new RunSandbox(Sandboxes.create(s, events, clock), s::network, s.limits(),
                dataDir.resolve("sandbox").resolve("homes"));
    }
}

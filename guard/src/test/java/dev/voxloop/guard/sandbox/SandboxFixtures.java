package dev.voxloop.guard.sandbox;

import dev.voxloop.core.event.PipelineEvent;
import java.util.function.Consumer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/** Builds the real bubblewrap backend for tests, with a stand-in home and secret environment variables. */
final class SandboxFixtures {

    private SandboxFixtures() {
    }

    static BubblewrapSandbox bubblewrap(Path hostHome, Consumer<PipelineEvent> events) {
        SandboxSettings s = SandboxSettings.defaults();
        Map<String, String> env = new HashMap<>(System.getenv());
        env.putAll(HostFixture.SECRET_ENV);
        return new BubblewrapSandbox(s, Sandboxes.executable(s.bwrapCommand()), KernelLimits.detect(true), events,
                Clock.systemUTC(), hostHome, env);
    }
}

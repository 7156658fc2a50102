package dev.voxloop.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voxloop.core.config.ConfigTree;
import dev.voxloop.core.guard.PolicyContext;
import dev.voxloop.core.guard.ToolCall;
import dev.voxloop.loop.LoopSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The guard as the app wires it from the loop's settings. */
class GuardsTest {

    @TempDir
    Path tmp;

    private static LoopSettings settings() {
        return LoopSettings.from(new ConfigTree(Map.of("loop", Map.of(
                "allowlist", Map.of("pip", List.of("requests")),
                "projects", Map.of("TRACK", Map.of("repo", "/srv/trackit.git", "default_branch", "trunk",
                        "test", "mvn -q test"))))), Path.of("/data"));
    }

    @Test
    void gitHooksRefusePushesToEveryProjectsDefaultBranch() {
        String zero = "0".repeat(40);
        String sha = "1".repeat(40);
        var hooks = Guards.gitHooks(settings());
        assertThat(hooks.prePush(tmp, "refs/heads/x " + sha + " refs/heads/trunk " + zero + "\n").message())
                .contains("default branch 'trunk'");
        assertThat(hooks.prePush(tmp, "refs/heads/x " + sha + " refs/heads/master " + zero + "\n").exit())
                .isEqualTo(1);
        assertThat(hooks.prePush(tmp, "").exit()).isZero();
    }

    @Test
    void thePolicyAllowsTheConfiguredPackages() {
        var policy = Guards.policy(settings());
        PolicyContext here = PolicyContext.of(tmp, "trunk", () -> "feature/TRACK-1-x");
        assertThat(policy.evaluate(ToolCall.bash("pip install requests"), here).allowed()).isTrue();
        assertThat(policy.evaluate(ToolCall.bash("pip install left-pad-py"), here).allowed()).isFalse();
    }
}

package dev.voxloop.loop.hook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voxloop.loop.gate.GateSuite;
import dev.voxloop.loop.policy.PackageAllowlist;
import dev.voxloop.loop.policy.ToolUsePolicy;
import dev.voxloop.loop.workspace.CommandResult;
import dev.voxloop.loop.workspace.Processes;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hook launcher as an agent runs it ({@code sh -c}, JSON on stdin) against a live {@link HookServer}. */
class HookServerTest {

    @TempDir
    Path tmp;

    private final HookHandler handler = new HookHandler(new ToolUsePolicy(PackageAllowlist.DEFAULTS),
            new GateSuite(), Clock.systemUTC());

    private CommandResult call(HookServer s, String event, String json) {
        return Processes.run(List.of("sh", "-c", s.command(event)), tmp, Map.of(), json, Duration.ofSeconds(20));
    }

    private String bash(String command) {
        return "{\"hook_event_name\":\"PreToolUse\",\"cwd\":\"" + tmp + "\",\"tool_name\":\"Bash\","
                + "\"tool_input\":{\"command\":\"" + command + "\"}}";
    }

    @Test
    void aForbiddenCallIsDeniedThroughTheSocketAndAnOrdinaryOneAllowed() {
        try (HookServer s = HookServer.start(handler, tmp, tmp)) {
            CommandResult deny = call(s, "pre-tool-use", bash("git push origin main"));
            assertThat(deny.exit()).isZero();
            assertThat(deny.output()).contains("\"permissionDecision\":\"deny\"").contains("default branch");
            CommandResult allow = call(s, "pre-tool-use", bash("ls -la"));
            assertThat(allow.exit()).isZero();
            assertThat(allow.output()).isBlank();
            assertThat(s.calls("pre-tool-use")).isEqualTo(2);
            assertThat(s.calls("stop")).isZero();
        }
    }

    @Test
    void whenVoxloopCannotBeReachedTheHookBlocks() {
        try (HookServer s = HookServer.start(handler, tmp, tmp)) {
            s.stopListening();
            CommandResult r = call(s, "pre-tool-use", bash("ls"));
            assertThat(r.exit()).isEqualTo(2);
            assertThat(r.output()).contains("fail closed");
        }
    }

    @Test
    void anUnknownEventIsRefusedAndBlocks() {
        try (HookServer s = HookServer.start(handler, tmp, tmp)) {
            CommandResult r = call(s, "post-merge", "{}");
            assertThat(r.exit()).isEqualTo(2);
            assertThat(r.output()).contains("unknown hook event");
        }
    }
}

package dev.voxloop.guard.hook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voxloop.core.loop.GateCheck;
import dev.voxloop.guard.policy.ToolUseRules;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hook launcher as an agent runs it ({@code sh -c}, JSON on stdin) against a live {@link HookServer}. */
class HookServerTest {

    @TempDir
    Path tmp;

    private final HookHandler handler = new HookHandler(new ToolUseRules(),
            (workspace, config) -> new GateCheck.Outcome(true, ""), new RunMarkerFile(), Clock.systemUTC());

    /** What the hook command printed (stdout and stderr) and its exit code. */
    private record Ran(int exit, String output) {
    }

    private Ran call(HookServer s, String event, String json) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("sh", "-c", s.command(event)).directory(tmp.toFile()).redirectErrorStream(true)
                .start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(json.getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        return new Ran(p.exitValue(), out);
    }

    private String bash(String command) {
        return "{\"hook_event_name\":\"PreToolUse\",\"cwd\":\"" + tmp + "\",\"tool_name\":\"Bash\","
                + "\"tool_input\":{\"command\":\"" + command + "\"}}";
    }

    @Test
    void aForbiddenCallIsDeniedThroughTheSocketAndAnOrdinaryOneAllowed() throws Exception {
        try (HookServer s = HookServer.start(handler, tmp, tmp)) {
            Ran deny = call(s, "pre-tool-use", bash("git push origin main"));
            assertThat(deny.exit()).isZero();
            assertThat(deny.output()).contains("\"permissionDecision\":\"deny\"").contains("default branch");
            Ran allow = call(s, "pre-tool-use", bash("ls -la"));
            assertThat(allow.exit()).isZero();
            assertThat(allow.output()).isBlank();
            assertThat(s.calls("pre-tool-use")).isEqualTo(2);
            assertThat(s.calls("stop")).isZero();
        }
    }

    @Test
    void whenVoxloopCannotBeReachedTheHookBlocks() throws Exception {
        try (HookServer s = HookServer.start(handler, tmp, tmp)) {
            s.stopListening();
            Ran r = call(s, "pre-tool-use", bash("ls"));
            assertThat(r.exit()).isEqualTo(2);
            assertThat(r.output()).contains("fail closed");
        }
    }

    @Test
    void anUnknownEventIsRefusedAndBlocks() throws Exception {
        try (HookServer s = HookServer.start(handler, tmp, tmp)) {
            Ran r = call(s, "post-merge", "{}");
            assertThat(r.exit()).isEqualTo(2);
            assertThat(r.output()).contains("unknown hook event");
        }
    }
}

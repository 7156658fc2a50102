package dev.voxloop.loop.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.voxloop.core.guard.AgentHooks;
import dev.voxloop.loop.fixture.Guarded;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HookSettingsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void theWrittenSettingsPassTheCheckAndCallTheLauncherForEveryEvent() throws Exception {
        try (AgentHooks.Endpoint s = Guarded.hooks().open(tmp)) {
            Path f = HookSettings.write(tmp.resolve("settings.json"), s);
            var json = JSON.readTree(f.toFile());
            assertThat(HookSettings.check(json)).isEmpty();
            assertThat(json.path("hooks").path("PreToolUse").get(0).path("hooks").get(0).path("command").asText())
                    .isEqualTo(s.command("pre-tool-use")).endsWith("/hook' pre-tool-use");
            assertThat(json.path("hooks").path("Stop").get(0).has("matcher")).isFalse();
        }
    }

    @Test
    void settingsClaudeCodeWouldSilentlyIgnoreAreCaught() throws Exception {
        String bad = """
                {"hooks":{"PreToolUse":[{"matcher":"*","hooks":[{"type":"command","command":"x","timeout":"sixty"}]}],
                 "PostToolUse":[{"matcher":"*","hooks":[{"type":"command","command":"","timeout":60}]}]},
                 "disableAllHooks": false}""";
        assertThat(HookSettings.check(JSON.readTree(bad))).contains(
                "unexpected key disableAllHooks", "PreToolUse: timeout must be a whole number of seconds",
                "PostToolUse: a hook must be {type: command, command: ...}", "Stop: no hooks");
    }
}

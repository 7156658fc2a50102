package dev.voxloop.loop.agent.claude;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voxloop.loop.agent.HookProof;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Streams recorded from the real Claude Code 2.1.332 ({@code -p --output-format stream-json --verbose
 * --include-hook-events}) against a local Messages API stand-in, one per situation the agent must tell apart.
 */
class ClaudeStreamTest {

    private static ClaudeStream read(String name) throws IOException {
        ClaudeStream s = new ClaudeStream();
        try (InputStream in = ClaudeStreamTest.class.getResourceAsStream(name + ".jsonl")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                s.accept(line);
            }
        }
        return s;
    }

    private static HookProof proof(ClaudeStream s, int serverPre, int serverStops) {
        return new HookProof(s.toolCallsRun(), Math.min(s.preToolUseHooks, serverPre), s.succeeded(), serverStops,
                s.hookErrors);
    }

    @Test
    void aGuardedTurnShowsEveryToolCallPassingTheHookAndReportsCostFromTheResult() throws IOException {
        ClaudeStream s = read("denied-and-held");
        assertThat(s.session).isEqualTo("d8f1a90c-b9f3-4ff2-87f4-4aa799dbddd7");
        assertThat(s.toolCallsRun()).isEqualTo(3);
        assertThat(s.preToolUseHooks).isEqualTo(3);
        assertThat(s.hookErrors).isEmpty();
        assertThat(s.succeeded()).isTrue();
        assertThat(s.unavailable()).isNull();
        assertThat(s.text()).isEqualTo("All done again.");
        assertThat(s.inputTokens()).isEqualTo(500);
        assertThat(s.outputTokens()).isEqualTo(250);
        assertThat(s.cost()).isEqualTo(0.007);
        assertThat(proof(s, 3, 2).gap()).isEmpty();
        assertThat(proof(s, 2, 2).gap()).get().asString().contains("3 tool call(s) ran");
    }

    @Test
    void aMissingHookCommandIsAHookErrorAndTheTurnIsUnguarded() throws IOException {
        ClaudeStream s = read("hook-missing");
        assertThat(s.hookErrors).anyMatch(e -> e.contains("PreToolUse:Write exited 127") && e.contains("not found"));
        assertThat(proof(s, 0, 2).gap()).get().asString().startsWith("hooks failed");
    }

    @Test
    void settingsClaudeCodeIgnoredOrAWorkspaceThatDisabledHooksLeaveToolCallsWithoutHooks() throws IOException {
        for (String name : new String[] {"settings-ignored", "hooks-disabled-by-workspace"}) {
            ClaudeStream s = read(name);
            assertThat(s.toolCallsRun()).as(name).isEqualTo(3);
            assertThat(s.preToolUseHooks).as(name).isZero();
            assertThat(s.succeeded()).as(name).isTrue();
            assertThat(proof(s, 0, 0).gap()).as(name).get().asString().contains("saw only 0");
        }
    }

    @Test
    void aRefusedKeyOrNoLoginIsTheAgentUnavailableInItsOwnWords() throws IOException {
        ClaudeStream refused = read("key-refused");
        assertThat(refused.unavailable()).isEqualTo("Invalid API key · Fix external API key (HTTP 401)");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(read("not-logged-in").unavailable()).isEqualTo("Not logged in · Please run /login");
        assertThat(read("denied-and-held").staleSession()).isFalse();
    }

    @Test
    void anUnknownResumedSessionIsStale() throws IOException {
        ClaudeStream s = read("stale-resume");
        assertThat(s.staleSession()).isTrue();
        assertThat(s.unavailable()).isNull();
    }

    @Test
    void aFirstRetryWithARefusedKeyEndsTheRunAtOnce() {
        ClaudeStream s = new ClaudeStream();
        assertThat(s.accept("{\"type\":\"system\",\"subtype\":\"api_retry\",\"attempt\":1,\"error_status\":529,"
                + "\"error\":\"overloaded\"}")).isTrue();
        assertThat(s.accept("{\"type\":\"system\",\"subtype\":\"api_retry\",\"attempt\":1,\"error_status\":401,"
                + "\"error\":\"authentication_failed\"}")).isFalse();
        assertThat(s.unavailable()).isEqualTo("authentication_failed (HTTP 401)");
    }
}

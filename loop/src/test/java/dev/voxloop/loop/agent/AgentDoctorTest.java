package dev.voxloop.loop.agent;

import dev.voxloop.loop.fixture.Guarded;
import static org.assertj.core.api.Assertions.assertThat;

import dev.voxloop.core.config.ConfigTree;
import dev.voxloop.loop.LoopEngine;
import dev.voxloop.loop.LoopSettings;
import dev.voxloop.peers.AgentBinaries;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.voxloop.loop.workspace.RunSandbox;

class AgentDoctorTest {

    @TempDir
    Path home;

    private AgentDoctor doctor(Map<String, String> env) {
        RunSandbox sandbox = Guarded.sandbox(home.resolve("homes"), e -> { });
        return new AgentDoctor(env, Guarded.hooks(sandbox), sandbox);
    }

    @Test
    void aMissingCliAndAMissingKeyAreReportedAndTheHookLauncherAnswers() {
        var findings = doctor(Map.of("HOME", home.toString())).check("TRACK", new AgentProfile("claude",
                List.of(home.resolve("no-such-claude").toString()), null, null, null, List.of()), "claude");
        assertThat(findings).extracting(AgentDoctor.Finding::ok).containsExactly(false, false, true);
        assertThat(findings.get(0).detail()).contains("not runnable");
        assertThat(findings.get(1).detail()).contains("no key in ANTHROPIC_API_KEY or CLAUDE_CODE_OAUTH_TOKEN");
        assertThat(findings.get(2).detail()).contains("hook launcher answers");
    }

    @Test
    void aLoginOfTheWorkersUserDoesNotCountInsideTheSandbox() throws Exception {
        Files.createDirectories(home.resolve(".claude"));
        Files.writeString(home.resolve(".claude/.credentials.json"), "{}");
        var findings = doctor(Map.of("HOME", home.toString())).check("TRACK", AgentProfile.named("claude"), "claude");
        assertThat(findings.get(1).ok()).isFalse();
        assertThat(findings.get(1).detail()).contains("not visible inside the sandbox").contains("setup-token");
    }

    @Test
    @Tag("slow")
    void thePinnedClisAreSupportedVersions() {
        var env = Map.of("HOME", home.toString(), "ANTHROPIC_API_KEY", "k", "OPENAI_API_KEY", "k");
        var claude = doctor(env).check("TRACK", new AgentProfile("claude", List.of(AgentBinaries.claude().toString()),
                null, null, null, List.of()), "claude");
        assertThat(claude).allMatch(AgentDoctor.Finding::ok);
        assertThat(claude.get(0).detail()).isEqualTo("Claude Code " + AgentBinaries.claudeVersion());
        var codex = doctor(env).check("TRACK", new AgentProfile("codex", List.of(AgentBinaries.codex().toString()),
                null, null, null, List.of()), "claude");
        assertThat(codex).allMatch(AgentDoctor.Finding::ok);
        assertThat(codex.get(0).detail()).isEqualTo("Codex " + AgentBinaries.codexVersion());
    }
}

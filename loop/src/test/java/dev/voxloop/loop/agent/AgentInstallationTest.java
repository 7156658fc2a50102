package dev.voxloop.loop.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voxloop.loop.workspace.AgentCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What of an agent CLI's installation the sandbox must show, and which host its model API is. */
class AgentInstallationTest {

    @TempDir
    Path tmp;

    @Test
    void anNpmInstallationIsBoundFromTheDirectoryHoldingItsNodeModules() throws Exception {
        Path root = tmp.resolve("agents/claude-code@2.1.332");
        Path exe = Files.createDirectories(root.resolve("node_modules/@anthropic-ai/claude-code/bin"))
                .resolve("claude.exe");
        Files.writeString(exe, "#!/bin/sh\n");
        exe.toFile().setExecutable(true);
        Path bin = Files.createDirectories(root.resolve("node_modules/.bin"));
        Files.createSymbolicLink(bin.resolve("claude"), Path.of("../@anthropic-ai/claude-code/bin/claude.exe"));

        AgentInstallation byPath = AgentInstallation.of(bin.resolve("claude").toString(), null);
        AgentInstallation byName = AgentInstallation.of("claude", "/nonexistent:" + bin);

        assertThat(byPath.paths()).containsExactly(root.toRealPath());
        assertThat(byName.program()).isEqualTo(bin.resolve("claude").toString());
        assertThat(byName.paths()).containsExactly(root.toRealPath());
    }

    @Test
    void systemProgramsAndMissingOnesNeedNothing() {
        assertThat(AgentInstallation.of("sh", "/usr/bin:/bin").paths()).isEmpty();
        assertThat(AgentInstallation.of("sh", "/usr/bin:/bin").program()).isEqualTo("sh");
        assertThat(AgentInstallation.of("/nowhere/claude", null)).isEqualTo(new AgentInstallation("/nowhere/claude",
                List.of()));
    }

    @Test
    void theModelApiIsOneAllowlistEntry() {
        assertThat(AgentCommand.hostOf("https://api.anthropic.com")).isEqualTo("api.anthropic.com");
        assertThat(AgentCommand.hostOf("https://api.openai.com/v1")).isEqualTo("api.openai.com");
        assertThat(AgentCommand.hostOf("http://127.0.0.1:41234/v1")).isEqualTo("127.0.0.1:41234");
    }
}

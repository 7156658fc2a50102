package dev.voxloop.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.voxloop.core.config.ConfigTree;
import dev.voxloop.core.problem.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoopSettingsTest {

    @TempDir
    Path tmp;

    private static LoopSettings settings() {
        return LoopSettings.from(new ConfigTree(Map.of("loop", Map.of(
                "budgets", Map.of("max_iterations", "12", "max_duration", "30m"),
                "allowlist", Map.of("pip", List.of("requests")),
                "projects", Map.of("TRACK", Map.of("repo", "/srv/trackit.git", "default_branch", "trunk",
                        "test", "mvn -q test", "agent", "command", "agent_command", List.of("aider", "{prompt_file}"),
                        "max_iterations", "20"))))), Path.of("/data"));
    }

    @Test
    void projectsBudgetsAndAllowlistAreRead() {
        LoopSettings s = settings();
        ProjectConfig p = s.project("TRACK");
        assertThat(p.repo()).isEqualTo("/srv/trackit.git");
        assertThat(p.defaultBranch()).isEqualTo("trunk");
        assertThat(p.agent().command()).containsExactly("aider", "{prompt_file}");
        assertThat(p.budgets().maxIterations()).isEqualTo(20);
        assertThat(p.budgets().maxDuration()).isEqualTo(Duration.ofMinutes(30));
        assertThat(p.coverageThreshold()).isEqualTo(80);
        assertThat(s.workspaces()).isEqualTo(Path.of("/data/workspaces"));
        assertThat(s.allowlist().allows("pip", "Requests")).isTrue();
        assertThatThrownBy(() -> s.project("NOPE")).isInstanceOf(Problem.class).hasMessageContaining("loop.projects");
    }

    @Test
    void theRepositoryFileSuppliesUnsetCommandsByProfileAndMayOnlyTighten() throws Exception {
        Files.createDirectories(tmp.resolve(".voxloop"));
        Files.writeString(tmp.resolve(".voxloop/loop.yaml"), """
                active_profile: template_repo
                profiles:
                  code_repo: { test: ./run-tests.sh, coverage_threshold: 90 }
                  template_repo: { test: "true", lint: ./lint.sh, coverage_threshold: 70, max_iterations: 99,
                                   max_duration: 10m }
                agent: replay
                """);
        ProjectConfig p = settings().project("TRACK").withRepositoryFile(tmp);
        // voxloop.yaml sets the test command: it wins; it sets no lint command: the repository's is used
        assertThat(p.test()).isEqualTo("mvn -q test");
        assertThat(p.lint()).isEqualTo("./lint.sh");
        assertThat(p.coverageThreshold()).isEqualTo(80);
        assertThat(p.agent().name()).isEqualTo("command");
        assertThat(p.budgets().maxIterations()).isEqualTo(20);
        assertThat(p.budgets().maxDuration()).isEqualTo(Duration.ofMinutes(10));

        Files.writeString(tmp.resolve(".voxloop/loop.yaml"), "active_profile: code_repo\n"
                + "profiles: { code_repo: { test: ./run-tests.sh, coverage_threshold: 90 } }\n");
        assertThat(settings().project("TRACK").withRepositoryFile(tmp).coverageThreshold()).isEqualTo(90);

        Files.writeString(tmp.resolve(".voxloop/loop.yaml"), "active_profile: nope\n");
        assertThatThrownBy(() -> settings().project("TRACK").withRepositoryFile(tmp))
                .hasMessageContaining("active_profile 'nope'");
    }
}

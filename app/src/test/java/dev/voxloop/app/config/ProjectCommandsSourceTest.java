package dev.voxloop.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voxloop.core.config.ConfigTree;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code config --effective} says which gate command is in force for a project and where it came from. */
class ProjectCommandsSourceTest {

    @TempDir
    Path tmp;

    @Test
    void voxloopYamlWinsAndTheRepositoryFileFillsWhatItLeavesUnset() throws Exception {
        Path repo = Files.createDirectories(tmp.resolve("shop"));
        Files.createDirectories(repo.resolve(".voxloop"));
        Files.writeString(repo.resolve(".voxloop/loop.yaml"), "test: ./repo-test.sh\nlint: ./repo-lint.sh\n"
                + "coverage_threshold: 90\n");
        ConfigTree tree = new ConfigTree(Map.of("loop", Map.of("projects", Map.of("SHOP", Map.of("repo",
                repo.toString(), "test", "npm test")))),
                Map.of("loop.projects.SHOP.test", "file voxloop.yaml", "loop.projects.SHOP.repo", "file voxloop.yaml"));

        String out = ProjectCommandsSource.render(tree, tmp.resolve("data"));

        assertThat(out).contains("Precedence: a command set in voxloop.yaml wins");
        assertThat(out).contains("loop.projects.SHOP.test: npm test  # file voxloop.yaml");
        assertThat(out).contains("loop.projects.SHOP.lint: ./repo-lint.sh  # repository " + repo
                + "/.voxloop/loop.yaml (voxloop.yaml sets none)");
        assertThat(out).contains("loop.projects.SHOP.coverage:  # unset (here and in the repository file)");
        assertThat(out).contains("loop.projects.SHOP.coverage_threshold: 90  # repository .voxloop/loop.yaml (raised)");
    }
}

package dev.voxloop.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.voxloop.app.ConfigKeys;
import dev.voxloop.core.config.ConfigTree;
import dev.voxloop.intake.IntakeSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    private final ConfigLoader loader = new ConfigLoader(ConfigKeys.all());

    @Test
    void theOriginalSystemsVariableNamesWork() {
        ConfigTree tree = loader.load(null, null, Map.of("MAX_CLARIFICATION_ROUNDS", "2", "AUTO_DISPATCH_LOOP",
                "false", "JIRA_PROJECT_KEY", "BOOK", "PIPELINE_REQUIRE_APPROVAL", "false")).tree();
        IntakeSettings s = PipelineSettings.from(tree);
        assertThat(s.maxRounds()).isEqualTo(2);
        assertThat(s.autoDispatch()).isFalse();
        assertThat(s.requireApproval()).isFalse();
        assertThat(s.defaultProject()).isEqualTo("BOOK");
    }

    @Test
    void environmentBeatsDotEnvBeatsTheFile() throws Exception {
        Path yaml = Files.writeString(dir.resolve("voxloop.yaml"), """
                intent.max_clarification_rounds: 1
                pipeline:
                  clarify_timeout: 10m
                tracker.default_project: SHOP
                """);
        Path env = Files.writeString(dir.resolve(".env"), "export MAX_CLARIFICATION_ROUNDS='2'\nJIRA_PROJECT_KEY=EVT\n");
        ConfigTree tree = loader.load(yaml, env, Map.of("JIRA_PROJECT_KEY", "OPS")).tree();
        IntakeSettings s = PipelineSettings.from(tree);
        assertThat(s.maxRounds()).isEqualTo(2);
        assertThat(s.clarifyTimeout()).isEqualTo(Duration.ofMinutes(10));
        assertThat(s.defaultProject()).isEqualTo("OPS");
    }

    @Test
    void unknownKeysAreWarnedWithASuggestion() throws Exception {
        Path yaml = Files.writeString(dir.resolve("voxloop.yaml"), """
                pipeline:
                  require_aproval: false
                colour: blue
                """);
        var loaded = loader.load(yaml, null, Map.of());
        assertThat(loaded.warnings()).hasSize(2);
        assertThat(loaded.warnings().getFirst()).contains("pipeline.require_aproval")
                .contains("did you mean 'pipeline.require_approval'");
        assertThat(loaded.warnings().get(1)).contains("'colour'");
    }

    @Test
    void badValuesNameTheKey() throws Exception {
        Path yaml = Files.writeString(dir.resolve("voxloop.yaml"), "pipeline:\n  require_approval: maybe\n");
        ConfigTree tree = loader.load(yaml, null, Map.of()).tree();
        assertThatThrownBy(() -> PipelineSettings.from(tree)).hasMessageContaining("pipeline.require_approval");
    }

    @Test
    void invalidYamlIsAClearError() throws Exception {
        Path yaml = Files.writeString(dir.resolve("voxloop.yaml"), "pipeline: [unclosed\n");
        assertThatThrownBy(() -> loader.load(yaml, null, Map.of())).hasMessageContaining("not valid YAML");
    }
}

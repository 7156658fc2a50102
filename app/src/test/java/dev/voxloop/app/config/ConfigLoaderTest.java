package dev.voxloop.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.voxloop.core.config.ConfigTree;
import dev.voxloop.intake.IntakeSettings;
import dev.voxloop.intent.IntentSettings;
import dev.voxloop.loop.LoopSettings;
import dev.voxloop.server.ServerSettings;
import dev.voxloop.speech.SpeechSettings;
import dev.voxloop.tracker.jira.JiraSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    private final ConfigLoader loader = new ConfigLoader(SettingsCatalog.keys());

    @Test
    void theOriginalSystemsVariableNamesWork() {
        ConfigTree tree = loader.load(null, null, Map.of("MAX_CLARIFICATION_ROUNDS", "2", "AUTO_DISPATCH_LOOP",
                "false", "JIRA_PROJECT_KEY", "BOOK", "PIPELINE_REQUIRE_APPROVAL", "false")).tree();
        IntakeSettings s = IntakeSettings.from(tree);
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
        Path env = Files.writeString(dir.resolve(".env"),
                "export MAX_CLARIFICATION_ROUNDS='2'\nVOXLOOP_DEFAULT_PROJECT=EVT\n");
        ConfigTree tree = loader.load(yaml, env, Map.of("VOXLOOP_DEFAULT_PROJECT", "OPS")).tree();
        IntakeSettings s = IntakeSettings.from(tree);
        assertThat(s.maxRounds()).isEqualTo(2);
        assertThat(s.clarifyTimeout()).isEqualTo(Duration.ofMinutes(10));
        assertThat(s.defaultProject()).isEqualTo("OPS");
    }

    @Test
    void jiraProjectKeyIsJirasKeyAndTheIntakeDefaultsToItUnlessItsOwnIsSet() throws Exception {
        ConfigTree envOnly = loader.load(null, null, Map.of("JIRA_PROJECT_KEY", "BOOK")).tree();
        assertThat(JiraSettings.from(envOnly).projectKey()).isEqualTo("BOOK");
        assertThat(IntakeSettings.from(envOnly).defaultProject()).isEqualTo("BOOK");

        Path yaml = Files.writeString(dir.resolve("voxloop.yaml"), "tracker.default_project: SHOP\n");
        ConfigTree own = loader.load(yaml, null, Map.of("JIRA_PROJECT_KEY", "BOOK")).tree();
        assertThat(IntakeSettings.from(own).defaultProject()).isEqualTo("SHOP");
        assertThat(JiraSettings.from(own).projectKey()).isEqualTo("BOOK");
    }

    @Test
    void eachLeaseHasItsOwnVariable() {
        ConfigTree tree = loader.load(null, null, Map.of("VOXLOOP_LOOP_LEASE", "7m",
                "VOXLOOP_SERVER_LOOP_LEASE", "3h")).tree();
        assertThat(LoopSettings.from(tree, dir).lease()).isEqualTo(Duration.ofMinutes(7));
        assertThat(ServerSettings.from(tree).loopLease()).isEqualTo(Duration.ofHours(3));
        ConfigTree workerOnly = loader.load(null, null, Map.of("VOXLOOP_LOOP_LEASE", "7m")).tree();
        assertThat(ServerSettings.from(workerOnly).loopLease()).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void openAiApiKeyServesTheExtractorAndTheTranscriberAlike() {
        ConfigTree tree = loader.load(null, null, Map.of("OPENAI_API_KEY", "sk-1", "OPENAI_BASE_URL",
                "http://localhost:8000/v1")).tree();
        assertThat(IntentSettings.from(tree).openai().apiKey()).isEqualTo("sk-1");
        assertThat(SpeechSettings.from(tree).openaiKey()).isEqualTo("sk-1");
        assertThat(SpeechSettings.from(tree).openaiUrl()).isEqualTo("http://localhost:8000/v1");
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
        assertThat(loader.load(Files.writeString(dir.resolve("ok.yaml"), """
                tracker:
                  projects: [{key: WEB, name: Web}]
                  jira.fields: {customfield_1: {id: "7"}}
                loop.projects.TRACK.repo: /srv/track.git
                """), null, Map.of()).warnings()).isEmpty();
        assertThat(loaded.warnings().getFirst()).contains("pipeline.require_aproval")
                .contains("did you mean 'pipeline.require_approval'");
        assertThat(loaded.warnings().get(1)).contains("'colour'");
    }

    @Test
    void badValuesNameTheKey() throws Exception {
        Path yaml = Files.writeString(dir.resolve("voxloop.yaml"), "pipeline:\n  require_approval: maybe\n");
        ConfigTree tree = loader.load(yaml, null, Map.of()).tree();
        assertThatThrownBy(() -> IntakeSettings.from(tree)).hasMessageContaining("pipeline.require_approval");
    }

    @Test
    void invalidYamlIsAClearError() throws Exception {
        Path yaml = Files.writeString(dir.resolve("voxloop.yaml"), "pipeline: [unclosed\n");
        assertThatThrownBy(() -> loader.load(yaml, null, Map.of())).hasMessageContaining("not valid YAML");
    }
}

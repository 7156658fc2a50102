package dev.voxloop.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voxloop.core.config.ConfigKey;
import dev.voxloop.core.config.ConfigTree;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The declarations together: each environment variable and path belongs to one key, and each key says what it is. */
class SettingsCatalogTest {

    private final List<ConfigKey> keys = SettingsCatalog.keys();

    @Test
    void noTwoKeysShareAnEnvironmentVariable() {
        Map<String, String> owner = new HashMap<>();
        List<String> shared = keys.stream().flatMap(k -> k.env().stream().map(e -> Map.entry(e, k.path())))
                .filter(e -> owner.putIfAbsent(e.getKey(), e.getValue()) != null)
                .map(e -> e.getKey() + " sets both " + owner.get(e.getKey()) + " and " + e.getValue()).toList();
        assertThat(shared).isEmpty();
    }

    @Test
    void theSharedVariableCheckCatchesASharedVariable() {
        record Twice(@dev.voxloop.core.config.Key(path = "a", env = "X", doc = "a") String a,
                     @dev.voxloop.core.config.Key(path = "b", env = "X", doc = "b") String b) {
        }
        Map<String, List<String>> byVariable = dev.voxloop.core.config.Settings.keys(Twice.class).stream()
                .flatMap(k -> k.env().stream().map(e -> Map.entry(e, k.path())))
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        assertThat(byVariable.get("X")).containsExactly("a", "b");
    }

    @Test
    void everyPathIsDeclaredOnceAndEveryKeySaysWhatItDoes() {
        assertThat(keys.stream().map(ConfigKey::path).toList()).doesNotHaveDuplicates();
        assertThat(keys).allSatisfy(k -> assertThat(k.description()).as(k.path()).isNotBlank());
        assertThat(keys).allSatisfy(k -> assertThat(k.env()).as(k.path())
                .allMatch(e -> e.matches("[A-Z][A-Z0-9_]*")));
    }

    @Test
    void everyDefaultFromNamesADeclaredKey() {
        List<String> paths = keys.stream().map(ConfigKey::path).toList();
        assertThat(keys.stream().map(ConfigKey::defaultFrom).filter(p -> !p.isEmpty()).toList())
                .isNotEmpty().allMatch(paths::contains);
    }

    @Test
    void everyDefaultIsAValidValue() {
        assertThat(SettingsCatalog.problems(ConfigTree.empty(), Path.of("data"))).isEmpty();
    }

    @Test
    void theOriginalSystemsVariablesAreAllStillAccepted() {
        List<String> env = keys.stream().flatMap(k -> k.env().stream()).toList();
        assertThat(env).contains("WHISPER_MODEL", "OLLAMA_MODEL", "OLLAMA_URL", "OLLAMA_TIMEOUT", "JIRA_URL",
                "JIRA_EMAIL", "JIRA_API_TOKEN", "JIRA_PROJECT_KEY", "OPENAI_API_KEY", "AMBIGUITY_THRESHOLD",
                "MAX_CLARIFICATION_ROUNDS", "AUTO_DISPATCH_LOOP", "QUEUE_DB_PATH", "APP_HOST", "APP_PORT", "LOG_LEVEL",
                "LOOP_RUNNER_REPO_DIR", "LOOP_RUNNER_POLL_INTERVAL", "LOOP_RUNNER_MAX_RETRIES");
    }
}

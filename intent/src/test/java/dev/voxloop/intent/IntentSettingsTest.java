package dev.voxloop.intent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.voxloop.core.config.ConfigKey;
import dev.voxloop.core.config.ConfigTree;
import dev.voxloop.core.config.Settings;
import dev.voxloop.intent.remote.PeerSupport;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class IntentSettingsTest {

    @Test
    void defaultsAreOfflineWithTheOriginalsValues() {
        IntentSettings s = IntentSettings.defaults();
        assertThat(s.extractor()).isEqualTo("embedded");
        assertThat(s.fallback()).isTrue();
        assertThat(s.ollama().url().toString()).isEqualTo("http://localhost:11434");
        assertThat(s.ollama().timeout()).isEqualTo(Duration.ofSeconds(120));
        assertThat(s.ambiguityThreshold()).isEqualTo(0.3);
    }

    @Test
    void theOriginalsEnvironmentNamesAreDeclaredAndTheKeyIsSecret() {
        assertThat(Settings.keys(IntentSettings.class)).flatMap(ConfigKey::env).contains("OLLAMA_URL", "OLLAMA_MODEL",
                "OLLAMA_TIMEOUT", "AMBIGUITY_THRESHOLD", "OPENAI_API_KEY",
                "VOXLOOP_INTENT_EXTRACTOR");
        assertThat(Settings.keys(IntentSettings.class)).filteredOn(ConfigKey::secret).extracting(ConfigKey::path)
                .containsExactly("intent.openai.api_key");
    }

    @Test
    void valuesAreReadAndBadOnesNameTheirPath() {
        IntentSettings s = IntentSettings.from(new ConfigTree(PeerSupport.config("intent.extractor", "OLLAMA",
                "intent.ollama.timeout", "90", "intent.openai.api_key", "sk-secret")));
        assertThat(s.extractor()).isEqualTo("ollama");
        assertThat(s.ollama().timeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(s.openai().toString()).doesNotContain("sk-secret");
        assertThatThrownBy(() -> IntentSettings.from(new ConfigTree(PeerSupport.config("intent.ollama.url", "nope"))))
                .hasMessageContaining("intent.ollama.url");
        assertThatThrownBy(() -> IntentSettings.from(new ConfigTree(PeerSupport.config("intent.ambiguity_threshold",
                "2")))).hasMessageContaining("intent.ambiguity_threshold");
    }
}

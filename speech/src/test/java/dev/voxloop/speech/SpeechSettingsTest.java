package dev.voxloop.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.voxloop.core.config.ConfigKey;
import dev.voxloop.core.config.ConfigTree;
import dev.voxloop.core.config.Settings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpeechSettingsTest {

    @Test
    void defaultsToAutomaticChoiceWithBoundedWork() {
        SpeechSettings s = SpeechSettings.defaults();
        // whisper once a model is pulled, else the offline engine (EngineChoice)
        assertThat(s.engine()).isEqualTo("auto");
        assertThat(s.threads()).isEqualTo(1);
        assertThat(s.timeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(s.maxAudioSeconds()).isEqualTo(120);
    }

    @Test
    void theOriginalSystemsVariablesAreDeclared() {
        assertThat(Settings.keys(SpeechSettings.class)).flatExtracting(ConfigKey::env).contains("WHISPER_MODEL", "WHISPER_BACKEND",
                "WHISPER_REMOTE_URL", "VOXLOOP_SPEECH_ENGINE");
        assertThat(Settings.keys(SpeechSettings.class)).filteredOn(ConfigKey::secret).extracting(ConfigKey::path)
                .containsExactly("speech.openai.key");
    }

    @Test
    void whisperBackendLocalMeansTheWhisperEngine() {
        SpeechSettings s = SpeechSettings.from(new ConfigTree(Map.of("speech", Map.of("engine", "local",
                "timeout", "90s", "whisper", Map.of("model", "small.en")))));
        assertThat(s.engine()).isEqualTo("whisper");
        assertThat(s.whisperModel()).isEqualTo("small.en");
        assertThat(s.timeout()).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void unknownEngineFailsFastAndTheKeyNeverPrints() {
        assertThatThrownBy(() -> SpeechSettings.from(new ConfigTree(Map.of("speech", Map.of("engine", "vosk")))))
                .hasMessageContaining("speech.engine");
        SpeechSettings s = SpeechSettings.from(new ConfigTree(Map.of("speech", Map.of("openai",
                Map.of("key", "sk-secret-value")))));
        assertThat(s.toString()).doesNotContain("sk-secret-value");
    }

    @Test
    void theOpenAiServerAndKeyDefaultToTheIntentExtractorsUnlessSetHere() {
        ConfigTree intentOnly = new ConfigTree(Map.of("intent", Map.of("openai", Map.of("api_key", "sk-shared",
                "base_url", "http://localhost:8000/v1"))));
        SpeechSettings s = SpeechSettings.from(intentOnly);
        assertThat(s.openaiKey()).isEqualTo("sk-shared");
        assertThat(s.openaiUrl()).isEqualTo("http://localhost:8000/v1");

        ConfigTree both = new ConfigTree(Map.of("intent", Map.of("openai", Map.of("api_key", "sk-shared")),
                "speech", Map.of("openai", Map.of("key", "sk-speech"))));
        assertThat(SpeechSettings.from(both).openaiKey()).isEqualTo("sk-speech");
        assertThat(SpeechSettings.defaults().openaiUrl()).isEqualTo("https://api.openai.com/v1");
    }
}

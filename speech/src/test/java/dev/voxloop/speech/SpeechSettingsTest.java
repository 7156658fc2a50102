package dev.voxloop.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.voxloop.core.config.ConfigKey;
import dev.voxloop.core.config.ConfigTree;
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
        assertThat(SpeechSettings.KEYS).flatExtracting(ConfigKey::env).contains("WHISPER_MODEL", "WHISPER_BACKEND",
                "WHISPER_REMOTE_URL", "OPENAI_API_KEY", "VOXLOOP_SPEECH_ENGINE");
        assertThat(SpeechSettings.KEYS).filteredOn(ConfigKey::secret).extracting(ConfigKey::path)
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
}

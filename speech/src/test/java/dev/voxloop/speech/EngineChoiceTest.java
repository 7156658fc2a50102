package dev.voxloop.speech;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voxloop.core.config.ConfigTree;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What serve and doctor say about the speech engine: which one is active, why, and what accuracy to expect; a
 * pulled whisper model is taken without any change to the configuration.
 */
class EngineChoiceTest {

    @TempDir
    Path models;

    SpeechSettings settings(String pocketSphinxDir) {
        return SpeechSettings.from(new ConfigTree(Map.of("speech", Map.of("pocketsphinx",
                Map.of("model_dir", pocketSphinxDir), "whisper", Map.of("models_dir", models.toString())))));
    }

    @Test
    void withoutAPulledModelTheOfflineEngineSaysWhatToExpectAndRecommendsWhisper() {
        EngineChoice c = EngineChoice.of(settings(models.resolve("no-pocketsphinx").toString()));
        assertThat(c.name()).isEqualTo("offline");
        assertThat(c.describe()).startsWith("offline: ").contains("wrong").contains("voxloop models pull base.en")
                .contains("no whisper model in " + models);
    }

    @Test
    void aPulledModelIsPickedUpWithoutEditingTheConfiguration() throws Exception {
        SpeechSettings s = settings(models.resolve("no-pocketsphinx").toString());
        assertThat(EngineChoice.of(s).engine()).isNotEqualTo("whisper");

        Files.write(models.resolve("ggml-base.en.bin"), new byte[] {1});

        EngineChoice c = EngineChoice.of(s);
        assertThat(c.engine()).isEqualTo("whisper");
        assertThat(c.describe()).startsWith("whisper: whisper.cpp, model base.en (recommended)")
                .contains("a whisper model was pulled: " + models.resolve("ggml-base.en.bin"));
    }

    @Test
    void theOfflineEngineIsTheBuiltInMoonshineModelAndStatesItsMeasuredErrorRates() {
        EngineChoice c = EngineChoice.of(settings(models.resolve("no-pocketsphinx").toString()));
        assertThat(c.engine()).isEqualTo("moonshine");
        assertThat(c.describe()).startsWith("offline: Moonshine base, built in").contains("%")
                .contains("docs/benchmarks.md").contains("confirmation");
    }

    @Test
    void pocketSphinxWhenDebiansPackagesAreThereStatesItsMeasuredErrorRates() {
        Path debian = Path.of("/usr/share/pocketsphinx/model/en-us");
        SpeechSettings s = settings(debian.toString()).withEngine("pocketsphinx");
        EngineChoice c = EngineChoice.of(s);
        assertThat(c.engine()).isEqualTo("pocketsphinx");
        assertThat(c.describe()).contains("%").contains("docs/benchmarks.md").contains("confirmation");
    }
}

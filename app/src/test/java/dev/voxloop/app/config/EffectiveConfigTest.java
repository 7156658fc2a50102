package dev.voxloop.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EffectiveConfigTest {

    @TempDir
    Path dir;

    @Test
    void showsEachValueInForceWithWhereItCameFromAndMasksSecrets() throws Exception {
        Path yaml = Files.writeString(dir.resolve("voxloop.yaml"), """
                speech:
                  threads: 2
                db.password: file-secret
                tracker.projects: [{key: WEB}]
                """);
        Path dotEnv = Files.writeString(dir.resolve(".env"), "WHISPER_MODEL=small.en\nOLLAMA_URL=http://o:1\n");
        var loaded = new ConfigLoader(SettingsCatalog.keys()).load(yaml, dotEnv,
                Map.of("OLLAMA_URL", "http://gpu:11434", "OPENAI_API_KEY", "sk-live-123"));

        String out = EffectiveConfig.render(SettingsCatalog.RECORDS, loaded.tree(), yaml, dir);

        assertThat(out).contains("speech.threads: 2  # file voxloop.yaml\n")
                .contains("speech.whisper.model: small.en  # .env WHISPER_MODEL\n")
                .contains("intent.ollama.url: http://gpu:11434  # environment OLLAMA_URL\n")
                .contains("speech.timeout: 60s  # default\n")
                .contains("db.password: ********  # file voxloop.yaml\n")
                .contains("intent.openai.api_key: ********  # environment OPENAI_API_KEY\n")
                .contains("speech.openai.key: ********  # intent.openai.api_key, environment OPENAI_API_KEY\n")
                .contains("tracker.projects: [{\"key\":\"WEB\"}]  # file voxloop.yaml\n")
                .contains("loop.workspaces: " + dir.toAbsolutePath().normalize() + "/workspaces  # default\n")
                .contains("db.user:  # unset\n")
                .doesNotContain("file-secret", "sk-live-123");
    }

    @Test
    void badValuesAreProblemsNamingTheKeyAndTheValue() {
        var loaded = new ConfigLoader(SettingsCatalog.keys()).load(null, null, Map.of("VOXLOOP_SPEECH_THREADS",
                "many", "VOXLOOP_PORT", "99999"));
        assertThat(SettingsCatalog.problems(loaded.tree(), dir))
                .containsExactlyInAnyOrder("speech.threads: expected a whole number, got 'many'",
                        "server.port: expected 0..65535, got 99999");
    }
}

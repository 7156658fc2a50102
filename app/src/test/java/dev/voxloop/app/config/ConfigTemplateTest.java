package dev.voxloop.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.voxloop.core.config.ConfigKey;
import dev.voxloop.core.config.ConfigTree;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * voxloop.example.yaml is generated from the declarations. Regenerate it with
 * {@code ./mvnw -B -ntp -pl app -am test -Dtest=ConfigTemplateTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dvoxloop.example.write=true} (or {@code ./voxloop config > voxloop.example.yaml}).
 */
class ConfigTemplateTest {

    private static final String TEMPLATE = ConfigTemplate.render(SettingsCatalog.RECORDS);

    @Test
    void theExampleFileIsUpToDate() throws Exception {
        Path file = exampleFile();
        if (Boolean.getBoolean("voxloop.example.write")) {
            Files.writeString(file, TEMPLATE);
        }
        assertThat(Files.readString(file)).as("voxloop.example.yaml is stale: regenerate it (see ConfigTemplateTest)")
                .isEqualTo(TEMPLATE);
    }

    @Test
    void everyKeyIsListedWithItsDefaultAndVariables() {
        for (ConfigKey k : SettingsCatalog.keys()) {
            assertThat(TEMPLATE).contains("\n#" + k.path() + ":");
        }
        assertThat(TEMPLATE).contains("#speech.timeout: 60s\n")
                .contains("env: WHISPER_MODEL, VOXLOOP_WHISPER_MODEL]")
                .contains("#loop.workspaces: \"{data}/workspaces\"\n")
                .contains("unset: the value of intent.openai.api_key");
    }

    @Test
    void uncommentedTheTemplateIsAConfigurationThatMeansTheDefaults() throws Exception {
        StringBuilder uncommented = new StringBuilder();
        boolean block = false;
        for (String l : TEMPLATE.lines().toList()) {
            boolean key = l.length() > 1 && l.charAt(0) == '#' && l.charAt(1) != ' ' && !l.contains("[]");
            block = key ? l.endsWith(": |") : block && l.startsWith("#  ");
            if (key || block) {
                uncommented.append(l.substring(1)).append('\n');
            }
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> parsed = new ObjectMapper(new YAMLFactory()).readValue(uncommented.toString(), Map.class);
        ConfigTree tree = new ConfigTree(ConfigLoader.expandDotted(parsed));
        assertThat(SettingsCatalog.problems(tree, Path.of("data"))).isEmpty();
        assertThat(tree.string("speech.whisper.model")).contains("base.en");
    }

    private static Path exampleFile() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("voxloop.example.yaml"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("voxloop.example.yaml above " + Path.of("").toAbsolutePath()).isNotNull();
        return dir.resolve("voxloop.example.yaml");
    }
}

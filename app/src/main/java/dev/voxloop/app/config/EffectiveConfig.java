package dev.voxloop.app.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.voxloop.core.config.ConfigKey;
import dev.voxloop.core.config.ConfigTree;
import dev.voxloop.core.config.Settings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code voxloop config --effective}: every key with the value in force and where it came from (default, the file,
 * .env or the environment, or another key it defaults to), or "unset". Secrets that are set show as {@value #MASK}.
 */
public final class EffectiveConfig {

    static final String MASK = "********";
    private static final ObjectMapper JSON = new ObjectMapper();

    private EffectiveConfig() {
    }

    public static String render(List<Class<? extends Record>> records, ConfigTree tree, Path file, Path dataDir) {
        StringBuilder out = new StringBuilder("# Values in force (configuration file: ")
                .append(file == null ? "none" : file).append("; data directory: ").append(dataDir)
                .append("). Secrets are masked.\n");
        Map<String, String> variables = Map.of("data", dataDir.toAbsolutePath().normalize().toString());
        for (Class<? extends Record> record : records) {
            out.append("\n# ---- ").append(record.getName()).append(" ----\n");
            for (ConfigKey key : Settings.keys(record)) {
                if (!key.isTemplate()) {
                    line(out, key, tree, variables);
                }
            }
        }
        return out.toString();
    }

    /** Each loop project's gate commands in force and where each comes from (voxloop.yaml or the repository). */
    public static String projects(ConfigTree tree, Path dataDir) {
        return ProjectCommandsSource.render(tree, dataDir);
    }

    private static void line(StringBuilder out, ConfigKey key, ConfigTree tree, Map<String, String> variables) {
        Optional<Object> value = present(tree.raw(key.path()));
        String source;
        if (value.isPresent()) {
            source = tree.origin(key.path()).orElse("set");
        } else if (!key.defaultFrom().isEmpty() && present(tree.raw(key.defaultFrom())).isPresent()) {
            value = present(tree.raw(key.defaultFrom()));
            source = key.defaultFrom() + ", " + tree.origin(key.defaultFrom()).orElse("set");
        } else {
            String fallback = key.fallback();
            for (Map.Entry<String, String> v : variables.entrySet()) {
                fallback = fallback.replace("{" + v.getKey() + "}", v.getValue());
            }
            value = fallback.isEmpty() ? Optional.empty() : Optional.of(fallback);
            source = fallback.isEmpty() ? "unset" : "default";
        }
        String text = value.isEmpty() ? "" : " " + (key.secret() ? MASK : show(value.get()));
        out.append(key.path()).append(':').append(text).append("  # ").append(source).append('\n');
    }

    private static String show(Object value) {
        if (value instanceof Map || value instanceof List) {
            try {
                return JSON.writeValueAsString(value);
            } catch (JsonProcessingException e) {
                return String.valueOf(value); // plain maps and lists from YAML always serialise; this is a fallback
            }
        }
        return YamlScalar.of(value.toString());
    }

    private static Optional<Object> present(Optional<Object> raw) {
        return raw.filter(v -> !(v instanceof String s) || !s.isBlank());
    }
}

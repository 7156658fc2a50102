package dev.voxloop.app.config;

import dev.voxloop.core.config.ConfigKey;
import dev.voxloop.core.config.Settings;
import java.util.List;

/**
 * voxloop.example.yaml: every declared key, commented out, with its default, its kind of value, the environment
 * variables that set it and what it does, grouped by the settings record that declares it. {@code voxloop config}
 * prints it; a test fails while the checked-in file differs.
 */
public final class ConfigTemplate {

    private ConfigTemplate() {
    }

    public static String render(List<Class<? extends Record>> records) {
        StringBuilder out = new StringBuilder();
        out.append("""
                # voxloop configuration: every key with its default, commented out. Generated from the settings
                # declarations by `voxloop config` (do not edit by hand). Copy what you change to voxloop.yaml.
                # Precedence: environment > .env beside voxloop.yaml > voxloop.yaml > default.
                # Keys may be written dotted (speech.engine: whisper) or nested (speech: {engine: whisper}).
                """);
        for (Class<? extends Record> record : records) {
            out.append("\n# ---- ").append(record.getName()).append(" ----\n");
            for (ConfigKey key : Settings.keys(record)) {
                entry(out, key);
            }
        }
        return out.toString();
    }

    private static void entry(StringBuilder out, ConfigKey key) {
        out.append("# ").append(key.description()).append('\n');
        StringBuilder about = new StringBuilder(key.type());
        if (key.secret()) {
            about.append(" | secret");
        }
        if (!key.defaultFrom().isEmpty()) {
            about.append(" | unset: the value of ").append(key.defaultFrom());
        }
        if (!key.env().isEmpty()) {
            about.append(" | env: ").append(String.join(", ", key.env()));
        }
        out.append("# [").append(about).append("]\n");
        String value = key.fallback();
        if (value.contains("\n")) {
            out.append("#").append(key.path()).append(": |\n");
            value.lines().forEach(l -> out.append("#  ").append(l).append('\n'));
        } else if (key.shape() == ConfigKey.Shape.TABLE && value.isEmpty()) {
            out.append("#").append(key.path()).append(": {}\n");
        } else {
            out.append("#").append(key.path()).append(':').append(value.isEmpty() ? "" : " " + YamlScalar.of(value))
                    .append('\n');
        }
    }
}

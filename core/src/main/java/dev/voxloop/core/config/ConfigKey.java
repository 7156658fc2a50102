package dev.voxloop.core.config;

/**
 * One configuration setting: its path in voxloop.yaml ("intent.ollama.url"; "[]" marks a list element), the
 * environment variables that set it (the original system's names first, then VOXLOOP_...), and what it does.
 * A key whose path ends in ".*" accepts any sub-keys (free-form maps).
 */
public record ConfigKey(String path, java.util.List<String> env, String description, boolean secret) {

    public static ConfigKey of(String path, String description, String... env) {
        return new ConfigKey(path, java.util.List.of(env), description, false);
    }

    public static ConfigKey secret(String path, String description, String... env) {
        return new ConfigKey(path, java.util.List.of(env), description, true);
    }
}

package dev.voxloop.core.config;

import java.util.List;

/**
 * One configuration key as a settings record declares it with {@link Key}: the full path in voxloop.yaml ("[]"
 * marks the entries of a list of sections), what kind of value it takes, its default, the environment variables
 * that set it and what it does. Derived by {@link Settings#keys}; never written by hand.
 *
 * @param defaultFrom full path of the key whose value this one takes while unset, or empty
 */
public record ConfigKey(String path, Shape shape, String type, String fallback, List<String> env, String description,
                        boolean secret, String defaultFrom) {

    /** How a key's value is laid out in voxloop.yaml. */
    public enum Shape {
        /** One value. */
        VALUE,
        /** A list of values (or a comma separated string). */
        LIST,
        /** A free-form mapping: any keys below the path are accepted and passed on as they are. */
        TABLE,
        /** A list of sections; their keys are declared as {@code path[].key}. */
        ENTRIES
    }

    public ConfigKey {
        env = List.copyOf(env);
    }

    /** Whether environment variables may set this key (one value or a comma separated list). */
    public boolean settableFromEnvironment() {
        return !path.contains("[]") && (shape == Shape.VALUE || shape == Shape.LIST);
    }

    /** Whether {@code leaf}, a path found in voxloop.yaml, is this key or lies inside it. */
    public boolean covers(String leaf) {
        return leaf.equals(path) || shape == Shape.TABLE && leaf.startsWith(path + ".");
    }
}

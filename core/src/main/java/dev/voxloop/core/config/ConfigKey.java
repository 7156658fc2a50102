package dev.voxloop.core.config;

import java.util.List;

/**
 * One configuration key as a settings record declares it with {@link Key}: the full path in voxloop.yaml ("[]"
 * marks the entries of a list of sections, "*" the name of an entry in a mapping of them), what kind of value it takes, its default, the environment variables
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
        /** A list of sections ({@code path[].key}), or a mapping of names to sections ({@code path.*.key}). */
        ENTRIES
    }

    public ConfigKey {
        env = List.copyOf(env);
    }

    /** Whether environment variables may set this key (one value or a comma separated list). */
    public boolean settableFromEnvironment() {
        return !isTemplate() && (shape == Shape.VALUE || shape == Shape.LIST);
    }

    /** Whether the path stands for the same key in every entry ({@code []} or {@code *} in it). */
    public boolean isTemplate() {
        return path.contains("[]") || path.contains("*");
    }

    /**
     * Whether {@code leaf}, a path found in voxloop.yaml (list entries written {@code []}), is this key or lies inside
     * it; {@code *} stands for any one name.
     */
    public boolean covers(String leaf) {
        String[] want = path.split("\\.");
        String[] got = leaf.split("\\.");
        if (got.length < want.length || got.length > want.length && shape != Shape.TABLE) {
            return false;
        }
        for (int i = 0; i < want.length; i++) {
            if (!want[i].equals("*") && !want[i].equals(got[i])) {
                return false;
            }
        }
        return true;
    }
}

package dev.voxloop.core.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Read-only view of the merged configuration (voxloop.yaml overlaid with .env and environment variables),
 * navigated by dotted paths, remembering where each value came from. Settings records are bound from it by
 * {@link Settings}; the typed getters here serve the few tables read by hand (a project's own loop file).
 */
public final class ConfigTree {

    private final Map<String, Object> root;
    private final Map<String, String> origins;

    public ConfigTree(Map<String, Object> root) {
        this(root, Map.of());
    }

    /** @param origins where the value at each path came from ("file voxloop.yaml", "environment JIRA_URL") */
    public ConfigTree(Map<String, Object> root, Map<String, String> origins) {
        this.root = root == null ? Map.of() : root;
        this.origins = Map.copyOf(origins);
    }

    public static ConfigTree empty() {
        return new ConfigTree(Map.of());
    }

    public Optional<Object> raw(String path) {
        Object cur = root;
        for (String part : path.split("\\.")) {
            if (!(cur instanceof Map<?, ?> m) || !m.containsKey(part)) {
                return Optional.empty();
            }
            cur = m.get(part);
        }
        return Optional.ofNullable(cur);
    }

    /** Where the value at {@code path} (or the part of the tree below it) came from, if it was set. */
    public Optional<String> origin(String path) {
        if (origins.containsKey(path)) {
            return Optional.of(origins.get(path));
        }
        return origins.entrySet().stream().filter(e -> e.getKey().startsWith(path + ".")).map(Map.Entry::getValue)
                .findFirst();
    }

    public Optional<String> string(String path) {
        return raw(path).filter(v -> !(v instanceof Map) && !(v instanceof List)).map(Object::toString)
                .map(String::strip).filter(s -> !s.isEmpty());
    }

    public String string(String path, String fallback) {
        return string(path).orElse(fallback);
    }

    public int integer(String path, int fallback) {
        return string(path).map(v -> Values.whole(path, v)).orElse(fallback);
    }

    public double decimal(String path, double fallback) {
        return string(path).map(v -> (Double) Values.read(double.class, path, v)).orElse(fallback);
    }

    public boolean bool(String path, boolean fallback) {
        return string(path).map(v -> Values.bool(path, v)).orElse(fallback);
    }

    /** Accepts "90s", "15m", "2h", "500ms", ISO-8601 ("PT30M") or a bare number of seconds. */
    public Duration duration(String path, Duration fallback) {
        return string(path).map(v -> Values.duration(path, v)).orElse(fallback);
    }

    public List<String> strings(String path) {
        return raw(path).map(Values::strings).orElse(List.of());
    }

    @SuppressWarnings("unchecked")
    public ConfigTree section(String path) {
        return raw(path).filter(Map.class::isInstance).map(m -> new ConfigTree((Map<String, Object>) m))
                .orElse(empty());
    }

    /** Map keys directly under {@code path}, in file order. */
    @SuppressWarnings("unchecked")
    public List<String> keys(String path) {
        Object node = path.isEmpty() ? root : raw(path).orElse(null);
        return node instanceof Map<?, ?> m ? new ArrayList<>(((Map<String, Object>) m).keySet()) : List.of();
    }

    public Map<String, Object> asMap() {
        return new LinkedHashMap<>(root);
    }
}

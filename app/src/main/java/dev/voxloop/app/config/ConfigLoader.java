package dev.voxloop.app.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.voxloop.core.config.ConfigKey;
import dev.voxloop.core.config.ConfigTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges, lowest precedence first: voxloop.yaml, a {@code .env} file beside it (the original system read one),
 * then the process environment. Environment variables are mapped to paths through the declared
 * {@link ConfigKey}s, so the original's names (JIRA_URL, OLLAMA_MODEL, ...) keep working. Keys in the file that
 * no settings record declares are reported as warnings (with a suggestion), not silently ignored. The tree
 * remembers where each value came from, for {@code voxloop config --effective}.
 */
public final class ConfigLoader {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final List<ConfigKey> keys;

    public ConfigLoader(List<ConfigKey> keys) {
        this.keys = List.copyOf(keys);
    }

    /** The merged tree plus the warnings to show the person. */
    public record Loaded(ConfigTree tree, List<String> warnings, Path file) {
    }

    public Loaded load(Path configFile, Path dotEnv, Map<String, String> environment) {
        List<String> warnings = new ArrayList<>();
        Map<String, Object> root = new LinkedHashMap<>();
        Map<String, String> origins = new LinkedHashMap<>();
        if (configFile != null && Files.isRegularFile(configFile)) {
            root = readYaml(configFile);
            for (String leaf : leaves(root)) {
                origins.put(leaf.replaceAll("\\[].*", ""), "file " + configFile.getFileName());
                if (!known(leaf)) {
                    warnings.add(configFile.getFileName() + ": unknown key '" + leaf + "' is ignored"
                            + suggestion(leaf));
                }
            }
        }
        Map<String, String> fromDotEnv = dotEnv != null && Files.isRegularFile(dotEnv) ? DotEnv.read(dotEnv)
                : Map.of();
        for (ConfigKey key : keys) {
            if (!key.settableFromEnvironment()) {
                continue;
            }
            for (String name : key.env()) {
                String value = environment.containsKey(name) ? environment.get(name) : fromDotEnv.get(name);
                if (value != null) {
                    put(root, key.path(), value);
                    origins.put(key.path(), (environment.containsKey(name) ? "environment " : ".env ") + name);
                    break;
                }
            }
        }
        return new Loaded(new ConfigTree(root, origins), List.copyOf(warnings), configFile);
    }

    public List<ConfigKey> keys() {
        return keys;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> readYaml(Path file) {
        try {
            // a file of comments only (or nothing) is an empty configuration, not an error
            com.fasterxml.jackson.databind.JsonNode tree = YAML.readTree(file.toFile());
            Object parsed = tree == null || tree.isMissingNode() || tree.isNull() ? null
                    : YAML.convertValue(tree, Object.class);
            if (parsed == null) {
                return new LinkedHashMap<>();
            }
            if (!(parsed instanceof Map)) {
                throw new IllegalArgumentException(file + ": the top level must be a mapping of keys");
            }
            return expandDotted((Map<String, Object>) parsed);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": not valid YAML: " + firstLine(e.getMessage()), e);
        }
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }

    /** "db.url: x" at any level means the same as "db: {url: x}". */
    @SuppressWarnings("unchecked")
    static Map<String, Object> expandDotted(Map<String, Object> in) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : in.entrySet()) {
            Object value = e.getValue() instanceof Map<?, ?> m ? expandDotted((Map<String, Object>) m) : e.getValue();
            String[] parts = String.valueOf(e.getKey()).split("\\.");
            Map<String, Object> cur = out;
            for (int i = 0; i < parts.length - 1; i++) {
                Object next = cur.get(parts[i]);
                if (!(next instanceof Map)) {
                    next = new LinkedHashMap<String, Object>();
                    cur.put(parts[i], next);
                }
                cur = (Map<String, Object>) next;
            }
            String last = parts[parts.length - 1];
            if (value instanceof Map<?, ?> vm && cur.get(last) instanceof Map<?, ?> existing) {
                ((Map<String, Object>) existing).putAll((Map<String, Object>) vm);
            } else {
                cur.put(last, value);
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> root, String path, String value) {
        String[] parts = path.split("\\.");
        Map<String, Object> cur = root;
        for (int i = 0; i < parts.length - 1; i++) {
            Object next = cur.get(parts[i]);
            if (!(next instanceof Map)) {
                next = new LinkedHashMap<String, Object>();
                cur.put(parts[i], next);
            } else if (!(next instanceof LinkedHashMap)) {
                next = new LinkedHashMap<>((Map<String, Object>) next);
                cur.put(parts[i], next);
            }
            cur = (Map<String, Object>) next;
        }
        cur.put(parts[parts.length - 1], value);
    }

    private static List<String> leaves(Map<String, Object> root) {
        List<String> leaves = new ArrayList<>();
        collect("", root, leaves);
        return leaves;
    }

    private boolean known(String leaf) {
        return keys.stream().anyMatch(k -> k.covers(leaf));
    }

    @SuppressWarnings("unchecked")
    private static void collect(String prefix, Object node, List<String> out) {
        if (node instanceof Map<?, ?> m) {
            if (m.isEmpty() && !prefix.isEmpty()) {
                out.add(prefix);
            }
            for (Map.Entry<?, ?> e : m.entrySet()) {
                collect(prefix.isEmpty() ? String.valueOf(e.getKey()) : prefix + "." + e.getKey(), e.getValue(), out);
            }
        } else if (node instanceof List<?> l && l.stream().anyMatch(Map.class::isInstance)) {
            for (Object item : l) {
                collect(prefix + "[]", item, out);
            }
        } else {
            out.add(prefix);
        }
    }

    private String suggestion(String unknown) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (ConfigKey k : keys) {
            int d = distance(unknown, k.path());
            if (d < bestDistance) {
                bestDistance = d;
                best = k.path();
            }
        }
        return best != null && bestDistance <= Math.max(2, unknown.length() / 4) ? " (did you mean '" + best + "'?)"
                : "";
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}

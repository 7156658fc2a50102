package dev.voxloop.app.init;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML configuration file as nested maps, edited key by key and written back in the same key order: keys
 * {@code voxloop init} does not set are kept as they were, and so is the comment block at the top of the file.
 * Comments between keys are not kept (the YAML reader drops them).
 */
public final class ConfigFile {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

    private final Path file;
    private final String header;
    private final Map<String, Object> root;

    private ConfigFile(Path file, String header, Map<String, Object> root) {
        this.file = file;
        this.header = header;
        this.root = root;
    }

    @SuppressWarnings("unchecked")
    public static ConfigFile read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return new ConfigFile(file, "", new LinkedHashMap<>());
        }
        String text = Files.readString(file);
        StringBuilder header = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (!line.startsWith("#")) {
                break;
            }
            header.append(line).append('\n');
        }
        com.fasterxml.jackson.databind.JsonNode tree = YAML.readTree(text);
        Map<String, Object> root = tree == null || tree.isMissingNode() || tree.isNull() ? null
                : YAML.convertValue(tree, LinkedHashMap.class);
        return new ConfigFile(file, header.toString(), root == null ? new LinkedHashMap<>() : root);
    }

    public Path path() {
        return file;
    }

    public Map<String, Object> asMap() {
        return root;
    }

    /** The value at a dotted path ({@code loop.projects.BOOK.test}), or null. */
    @SuppressWarnings("unchecked")
    public Object get(String path) {
        Object node = root;
        for (String part : path.split("\\.")) {
            if (!(node instanceof Map<?, ?> m)) {
                return null;
            }
            node = ((Map<String, Object>) m).get(part);
        }
        return node;
    }

    public String string(String path) {
        Object v = get(path);
        return v == null ? null : String.valueOf(v);
    }

    /** Sets (or, with null, removes) the value at a dotted path; returns true when the file changes. */
    @SuppressWarnings("unchecked")
    public boolean set(String path, Object value) {
        String[] parts = path.split("\\.");
        Map<String, Object> node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            Object next = node.get(parts[i]);
            if (!(next instanceof Map)) {
                if (value == null) {
                    return false;
                }
                next = new LinkedHashMap<String, Object>();
                node.put(parts[i], next);
            }
            node = (Map<String, Object>) next;
        }
        String last = parts[parts.length - 1];
        if (java.util.Objects.equals(node.get(last), value)) {
            return false;
        }
        if (value == null) {
            node.remove(last);
        } else {
            node.put(last, value);
        }
        return true;
    }

    /** The list at {@code path} (a new one, stored there, when absent). */
    @SuppressWarnings("unchecked")
    public List<Object> list(String path) {
        Object v = get(path);
        if (v instanceof List<?> l) {
            return (List<Object>) l;
        }
        List<Object> fresh = new ArrayList<>();
        set(path, fresh);
        return fresh;
    }

    public void write() throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, header + YAML.writeValueAsString(root));
    }
}

package dev.voxloop.app.init;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.representer.Representer;

/**
 * A YAML configuration file as nested maps, edited key by key and written back as the person left it: the same
 * key order (new keys at the end of their section), every comment (above a key, after a value, at the end), and
 * the quoting of values that did not change. SnakeYAML reads the comments into its node tree; on writing, the new
 * tree takes the old one's comments and unchanged values, key by key.
 */
public final class ConfigFile {

    private final Path file;
    private final String header;
    private final Node original;
    private final Map<String, Object> root;

    private ConfigFile(Path file, String header, Node original, Map<String, Object> root) {
        this.file = file;
        this.header = header;
        this.original = original;
        this.root = root;
    }

    private static Yaml yaml() {
        LoaderOptions load = new LoaderOptions();
        load.setProcessComments(true);
        DumperOptions dump = new DumperOptions();
        dump.setProcessComments(true);
        dump.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        dump.setIndent(2);
        dump.setIndicatorIndent(2);
        dump.setIndentWithIndicator(true);
        dump.setWidth(120);
        return new Yaml(new SafeConstructor(load), new Representer(dump), dump, load);
    }

    @SuppressWarnings("unchecked")
    public static ConfigFile read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return new ConfigFile(file, "", null, new LinkedHashMap<>());
        }
        String text = Files.readString(file);
        Node node;
        Object data;
        try {
            node = yaml().compose(new StringReader(text));
            data = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        } catch (RuntimeException e) {
            throw new IOException(file + " is not valid YAML: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
        if (data != null && !(data instanceof Map)) {
            throw new IOException(file + " must be a mapping of keys to values");
        }
        // a file of comments only has no node to carry them: they are kept as they are
        StringBuilder header = new StringBuilder();
        if (node == null) {
            text.lines().filter(l -> l.startsWith("#")).forEach(l -> header.append(l).append('\n'));
        }
        return new ConfigFile(file, header.toString(), node,
                data == null ? new LinkedHashMap<>() : (Map<String, Object>) data);
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
        if (Objects.equals(node.get(last), value)) {
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
        Yaml yaml = yaml();
        Node fresh = yaml.represent(root);
        if (original != null) {
            keep(original, fresh);
        }
        StringWriter out = new StringWriter();
        yaml.serialize(fresh, out);
        String body = root.isEmpty() && original == null ? "" : out.toString();
        Files.writeString(file, header + body);
    }

    /** Gives {@code fresh} the comments of {@code old}, and keeps old values (with their quoting) where equal. */
    private static void keep(Node old, Node fresh) {
        fresh.setBlockComments(old.getBlockComments());
        fresh.setInLineComments(old.getInLineComments());
        fresh.setEndComments(old.getEndComments());
        if (old instanceof MappingNode o && fresh instanceof MappingNode f) {
            List<NodeTuple> tuples = f.getValue();
            for (int i = 0; i < tuples.size(); i++) {
                NodeTuple t = tuples.get(i);
                NodeTuple before = tuple(o, t.getKeyNode());
                if (before == null) {
                    continue;
                }
                if (sameScalar(before.getValueNode(), t.getValueNode())) {
                    tuples.set(i, before);
                } else {
                    keep(before.getKeyNode(), t.getKeyNode());
                    keep(before.getValueNode(), t.getValueNode());
                }
            }
        } else if (old instanceof SequenceNode o && fresh instanceof SequenceNode f) {
            // entries are only ever appended, so the old ones keep their places
            for (int i = 0; i < Math.min(o.getValue().size(), f.getValue().size()); i++) {
                keep(o.getValue().get(i), f.getValue().get(i));
            }
        }
    }

    private static NodeTuple tuple(MappingNode map, Node key) {
        if (!(key instanceof ScalarNode k)) {
            return null;
        }
        return map.getValue().stream().filter(t -> t.getKeyNode() instanceof ScalarNode s
                && s.getValue().equals(k.getValue())).findFirst().orElse(null);
    }

    private static boolean sameScalar(Node a, Node b) {
        return a instanceof ScalarNode x && b instanceof ScalarNode y && x.getValue().equals(y.getValue());
    }
}

package dev.voxloop.peers.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeps the chosen operations of an OpenAPI 3 document and only the components they reference (transitively).
 * Nothing inside a kept definition changes, so validation against the pruned document is validation against the
 * original for those operations.
 */
public final class SpecPruner {

    private SpecPruner() {
    }

    public static ObjectNode prune(ObjectNode doc, Map<String, List<String>> keep) {
        ObjectNode out = doc.deepCopy();
        ObjectNode paths = out.putObject("paths");
        JsonNode allPaths = doc.path("paths");
        keep.forEach((path, methods) -> {
            JsonNode item = allPaths.path(path);
            if (item.isMissingNode()) {
                throw new IllegalArgumentException("the contract has no path " + path);
            }
            ObjectNode kept = paths.putObject(path);
            item.properties().forEach(e -> {
                if (!isMethod(e.getKey()) || methods.contains(e.getKey())) {
                    kept.set(e.getKey(), e.getValue());
                }
            });
        });
        Set<String> refs = new HashSet<>();
        Deque<JsonNode> todo = new ArrayDeque<>();
        todo.add(paths);
        JsonNode components = doc.path("components");
        while (!todo.isEmpty()) {
            JsonNode n = todo.pop();
            if (n.isObject()) {
                JsonNode ref = n.get("$ref");
                if (ref != null && ref.isTextual() && ref.asText().startsWith("#/components/") && refs.add(ref.asText())) {
                    String[] parts = ref.asText().substring("#/components/".length()).split("/");
                    JsonNode target = components.path(parts[0]).path(parts[1]);
                    if (!target.isMissingNode()) {
                        todo.add(target);
                    }
                }
                n.elements().forEachRemaining(todo::add);
            } else if (n.isArray()) {
                n.elements().forEachRemaining(todo::add);
            }
        }
        ObjectNode prunedComponents = out.putObject("components");
        components.properties().forEach(section -> {
            if (section.getKey().equals("securitySchemes")) {
                prunedComponents.set("securitySchemes", section.getValue());
                return;
            }
            ObjectNode s = prunedComponents.putObject(section.getKey());
            for (Map.Entry<String, JsonNode> e : section.getValue().properties()) {
                if (refs.contains("#/components/" + section.getKey() + "/" + e.getKey())) {
                    s.set(e.getKey(), e.getValue());
                }
            }
        });
        return out;
    }

    private static boolean isMethod(String k) {
        return switch (k) {
            case "get", "put", "post", "delete", "options", "head", "patch", "trace" -> true;
            default -> false;
        };
    }
}

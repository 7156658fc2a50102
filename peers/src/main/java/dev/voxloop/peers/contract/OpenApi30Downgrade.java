package dev.voxloop.peers.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * An OpenAPI 3.1 document made readable by a 3.0 schema engine, for the paths the peers serve (which use
 * 3.0-compatible constructs): the few 3.1-only attributes that describe no request are removed ({@code optional},
 * {@code examples} lists, non-text defaults of strings, {@code license.identifier}, {@code webhooks},
 * {@code propertyNames}, and the recursive anchors of file-search filters, which then accept any filter), and
 * 3.1's ways of saying "or null" become 3.0's {@code nullable}. Discriminators, which the validator cannot follow
 * where they have no mapping, are dropped, and with them the "exactly one" of {@code oneOf}: the unions are tagged
 * by {@code type} but some alternatives overlap without the tag (an input message matches both EasyInputMessage and
 * InputMessage), so {@code oneOf} is read as {@code anyOf}: a request must still match one of the alternatives,
 * each of which checks its own {@code type}. ({@code allOf} parts are merged by the validator, which
 * {@link OpenApiContract} asks to resolve combinators, else each
 * part's {@code additionalProperties: false} would reject the other part's properties.)
 */
final class OpenApi30Downgrade {

    private static final ObjectMapper JSON = new ObjectMapper();

    private OpenApi30Downgrade() {
    }

    /** Rewrites {@code doc} (a 3.0 or 3.1 document) in place as a 3.0.3 document the validator reads. */
    static void apply(ObjectNode doc) {
        doc.put("openapi", "3.0.3");
        doc.remove("webhooks");
        if (doc.path("info").path("license") instanceof ObjectNode license) {
            license.remove("identifier");
        }
        strip(doc);
    }

    private static void strip(JsonNode n) {
        if (n instanceof ObjectNode o) {
            nullable(o);
            o.remove("optional");
            o.remove("propertyNames");
            o.remove("discriminator");
            if (o.has("oneOf")) {
                o.set("anyOf", o.remove("oneOf"));
            }
            o.remove("$recursiveAnchor");
            o.remove("$recursiveRef");
            if ("string".equals(o.path("type").asText()) && o.has("default") && !o.get("default").isTextual()) {
                o.remove("default");
            }
            if (o.path("examples").isArray()) {
                o.remove("examples");
            }
            if (o.has("const")) {
                o.putArray("enum").add(o.remove("const"));
            }
            o.elements().forEachRemaining(OpenApi30Downgrade::strip);
        } else if (n.isArray()) {
            n.elements().forEachRemaining(OpenApi30Downgrade::strip);
        }
    }

    /**
     * 3.1's {@code type: [T, "null"]} and {@code anyOf: [..., {type: "null"}]} as 3.0's {@code nullable: true} (on
     * each remaining alternative, so a union of unions still accepts null).
     */
    private static void nullable(ObjectNode o) {
        if (o.path("type").isArray()) {
            List<String> types = new ArrayList<>();
            o.get("type").forEach(t -> types.add(t.asText()));
            if (types.remove("null")) {
                o.put("nullable", true);
            }
            if (types.size() == 1) {
                o.put("type", types.get(0));
            } else {
                o.remove("type");
            }
        }
        for (String combinator : List.of("anyOf", "oneOf")) {
            if (!(o.get(combinator) instanceof ArrayNode alternatives)) {
                continue;
            }
            boolean hadNull = false;
            for (int i = alternatives.size() - 1; i >= 0; i--) {
                JsonNode a = alternatives.get(i);
                if (a.size() == 1 && "null".equals(a.path("type").asText())) {
                    alternatives.remove(i);
                    hadNull = true;
                }
            }
            if (!hadNull) {
                continue;
            }
            for (int i = 0; i < alternatives.size(); i++) {
                alternatives.set(i, nullableCopy(alternatives.get(i)));
            }
            if (alternatives.size() == 1) {
                JsonNode only = alternatives.get(0);
                o.remove(combinator);
                ((ObjectNode) only).properties().forEach(e -> o.set(e.getKey(), e.getValue()));
            }
        }
    }

    /** An alternative that also accepts null: nullable itself, or (a union) each of its own alternatives. */
    private static JsonNode nullableCopy(JsonNode alternative) {
        if (alternative.has("$ref")) {
            ObjectNode wrapped = JSON.createObjectNode();
            wrapped.putArray("allOf").add(alternative);
            return wrapped.put("nullable", true);
        }
        ObjectNode c = alternative.deepCopy();
        boolean union = false;
        for (String combinator : List.of("anyOf", "oneOf")) {
            if (c.get(combinator) instanceof ArrayNode inner) {
                union = true;
                for (int i = 0; i < inner.size(); i++) {
                    inner.set(i, nullableCopy(inner.get(i)));
                }
            }
        }
        return union ? c : c.put("nullable", true);
    }
}

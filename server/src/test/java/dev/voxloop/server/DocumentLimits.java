package dev.voxloop.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.voxloop.server.http.docs.ApiDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Length limits as the OpenAPI document states them, for a request field named as the server names it
 * ({@code text}, {@code overrides.labels[0]}, {@code issue.fields.summary}): tests draw over-long values from here,
 * so the document and the server cannot disagree unnoticed.
 */
final class DocumentLimits {

    static final JsonNode DOC = ApiDocument.tree();

    private DocumentLimits() {
    }

    /** The JSON request body schema of {@code POST path}. */
    static JsonNode requestSchema(String path) {
        return resolve(DOC.path("paths").path(path).path("post").path("requestBody").path("content")
                .path("application/json").path("schema"));
    }

    /** maxLength of the string at {@code field} (dotted, {@code [n]} for list items) of POST {@code path}'s body. */
    static OptionalInt maxLength(String path, String field) {
        JsonNode s = requestSchema(path);
        for (String part : field.split("\\.")) {
            String name = part.replaceAll("\\[\\d*]$", "");
            s = resolve(s.path("properties").path(name));
            if (part.endsWith("]")) {
                s = resolve(alternative(s, "array").path("items"));
            }
        }
        JsonNode str = alternative(s, "string");
        return str.has("maxLength") ? OptionalInt.of(str.get("maxLength").asInt()) : OptionalInt.empty();
    }

    /** Every string field with a maxLength in POST {@code path}'s JSON body, named as above. */
    static List<String> limitedFields(String path) {
        List<String> out = new ArrayList<>();
        collect(requestSchema(path), "", out);
        return out;
    }

    private static void collect(JsonNode schema, String prefix, List<String> out) {
        JsonNode s = resolve(schema);
        for (JsonNode alt : alternatives(s)) {
            if (alt.has("maxLength") && !out.contains(prefix)) {
                out.add(prefix);
            }
            alt.path("properties").properties().forEach(e -> collect(e.getValue(),
                    prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), out));
            if (alt.has("items")) {
                collect(alt.get("items"), prefix + "[0]", out);
            }
        }
    }

    private static List<JsonNode> alternatives(JsonNode s) {
        List<JsonNode> alts = new ArrayList<>();
        if (s.has("anyOf")) {
            s.get("anyOf").forEach(a -> alts.add(resolve(a)));
        } else {
            alts.add(s);
        }
        return alts;
    }

    private static JsonNode alternative(JsonNode s, String type) {
        for (JsonNode a : alternatives(s)) {
            if (type.equals(a.path("type").asText())) {
                return a;
            }
        }
        return s;
    }

    static JsonNode resolve(JsonNode s) {
        while (s.has("$ref")) {
            String[] parts = s.get("$ref").asText().substring(2).split("/");
            JsonNode t = DOC;
            for (String p : parts) {
                t = t.path(p);
            }
            s = t;
        }
        return s;
    }
}

package dev.voxloop.peers.contract;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A published OpenAPI document as a request validator (com.atlassian.oai:swagger-request-validator-core), cut to
 * the operations a peer serves ({@link SpecPruner}: same definitions, only the reachable components) and loaded
 * once per JVM. The validator's schema engine speaks OpenAPI 3.0; the OpenAI and Ollama documents are 3.1 but use
 * 3.0-compatible constructs on the paths served, so they are read as 3.0.3 after removing the few 3.1-only
 * attributes that describe no request ({@code optional}, {@code examples} lists, non-text defaults of strings,
 * {@code license.identifier}, {@code webhooks}, {@code propertyNames}, and the recursive anchors of file-search
 * filters, which then accept any filter). allOf parts are merged before validation (else each part's
 * {@code additionalProperties: false} rejects the other part's properties); discriminators, which this validator
 * cannot follow where they have no mapping, are dropped, and with them the "exactly one" of {@code oneOf}: the unions are tagged by {@code type}
 * but some alternatives overlap without the tag (an input message matches both EasyInputMessage and InputMessage),
 * so {@code oneOf} is read as {@code anyOf}: a request must still match one of the alternatives, each of which
 * checks its own {@code type}.
 */
public final class OpenApiContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, OpenApiContract> LOADED = new ConcurrentHashMap<>();

    private final OpenApiInteractionValidator validator;
    private final String name;

    private OpenApiContract(String name, OpenApiInteractionValidator validator) {
        this.name = name;
        this.validator = validator;
    }

    /**
     * @param relative the document under shared/contracts, e.g. {@code openai/openai.openapi.yaml}
     * @param keep     path → lower-case methods to keep
     */
    public static OpenApiContract load(String relative, Map<String, List<String>> keep) {
        return LOADED.computeIfAbsent(relative + keep, k -> read(relative, keep));
    }

    /** A document outside shared/contracts (a vendor's own, fetched by a script), cut to {@code keep}. */
    public static OpenApiContract loadFile(Path file, Map<String, List<String>> keep) {
        return LOADED.computeIfAbsent(file.toAbsolutePath() + "" + keep, k -> read(file, file.toString(), keep));
    }

    /** A whole document built or read in memory (every path and method kept), e.g. our own API's. */
    public static OpenApiContract of(String name, ObjectNode doc) {
        Map<String, List<String>> all = new java.util.LinkedHashMap<>();
        doc.path("paths").properties().forEach(e -> {
            List<String> methods = new ArrayList<>();
            e.getValue().fieldNames().forEachRemaining(methods::add);
            all.put(e.getKey(), methods);
        });
        return of(name, doc, all);
    }

    /** A document built in memory (a vendor's webhook schemas set out as operations), cut to {@code keep}. */
    public static OpenApiContract of(String name, ObjectNode doc, Map<String, List<String>> keep) {
        return new OpenApiContract(name, validator(doc, keep));
    }

    private static OpenApiInteractionValidator validator(ObjectNode doc, Map<String, List<String>> keep) {
        try {
            ObjectNode pruned = SpecPruner.prune(doc, keep);
            asOpenApi30(pruned);
            return OpenApiInteractionValidator.createForInlineApiSpecification(JSON.writeValueAsString(pruned))
                    .withResolveCombinators(true).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static OpenApiContract read(String relative, Map<String, List<String>> keep) {
        return read(Contracts.file(relative), relative, keep);
    }

    private static OpenApiContract read(Path file, String relative, Map<String, List<String>> keep) {
        try {
            ObjectMapper reader = relative.endsWith(".json") ? JSON : new ObjectMapper(new YAMLFactory());
            ObjectNode doc = (ObjectNode) reader.readTree(file.toFile());
            return new OpenApiContract(relative, validator(doc, keep));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static void asOpenApi30(ObjectNode doc) {
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
            o.elements().forEachRemaining(OpenApiContract::strip);
        } else if (n.isArray()) {
            n.elements().forEachRemaining(OpenApiContract::strip);
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

    public String name() {
        return name;
    }

    /** Problems with one request ({@code path} may carry a query), as readable lines; empty when it matches. */
    public List<String> validate(String method, String path, Map<String, List<String>> headers, String body) {
        int q = path.indexOf('?');
        SimpleRequest.Builder b = new SimpleRequest.Builder(Request.Method.valueOf(method.toUpperCase(Locale.ROOT)),
                q < 0 ? path : path.substring(0, q));
        if (q >= 0) {
            for (String kv : path.substring(q + 1).split("&")) {
                int eq = kv.indexOf('=');
                b.withQueryParam(decode(eq < 0 ? kv : kv.substring(0, eq)), eq < 0 ? "" : decode(kv.substring(eq + 1)));
            }
        }
        headers.forEach(b::withHeader);
        if (body != null && !body.isEmpty()) {
            b.withBody(body);
        }
        return problems(method, path, b);
    }

    /** As {@link #validate(String, String, Map, String)} for a binary body (a multipart upload). */
    public List<String> validate(String method, String path, Map<String, List<String>> headers, byte[] body) {
        SimpleRequest.Builder b = new SimpleRequest.Builder(Request.Method.valueOf(method.toUpperCase(Locale.ROOT)),
                path);
        headers.forEach(b::withHeader);
        if (body != null && body.length > 0) {
            b.withBody(body);
        }
        return problems(method, path, b);
    }

    /**
     * Problems with one response to {@code method path} ({@code path} may carry a query): its status must be one
     * the operation documents, its content type one documented for that status, its body valid against that
     * schema. Each line starts with the validator's message key, e.g. {@code validation.request.path.missing}
     * when the document has no such path.
     */
    public List<String> validateResponse(String method, String path, int status, Map<String, List<String>> headers,
                                         String body) {
        int q = path.indexOf('?');
        String bare = q < 0 ? path : path.substring(0, q);
        SimpleResponse.Builder b = SimpleResponse.Builder.status(status);
        headers.forEach(b::withHeader);
        if (body != null && !body.isEmpty()) {
            b.withBody(body);
        }
        List<String> out = new ArrayList<>();
        ValidationReport report = validator.validateResponse(bare,
                Request.Method.valueOf(method.toUpperCase(Locale.ROOT)), b.build());
        for (ValidationReport.Message m : report.getMessages()) {
            if (m.getLevel() == ValidationReport.Level.ERROR) {
                out.add(describe(m) + " (" + method + " " + bare + " -> " + status + ")");
            }
        }
        return out;
    }

    private List<String> problems(String method, String path, SimpleRequest.Builder b) {
        List<String> out = new ArrayList<>();
        for (ValidationReport.Message m : validator.validateRequest(b.build()).getMessages()) {
            if (m.getLevel() == ValidationReport.Level.ERROR) {
                out.add(method + " " + path + ": " + describe(m));
            }
        }
        return out;
    }

    private static String decode(String s) {
        return java.net.URLDecoder.decode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String describe(ValidationReport.Message m) {
        StringBuilder b = new StringBuilder(m.getKey()).append(": ").append(m.getMessage());
        for (ValidationReport.Message n : m.getNestedMessages()) {
            b.append(" [").append(describe(n)).append(']');
        }
        return b.toString();
    }
}

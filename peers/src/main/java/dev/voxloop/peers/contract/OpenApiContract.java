package dev.voxloop.peers.contract;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * 3.0-compatible constructs on the paths served, so they are read as 3.0.3 after {@link OpenApi30Downgrade}.
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
            OpenApi30Downgrade.apply(pruned);
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

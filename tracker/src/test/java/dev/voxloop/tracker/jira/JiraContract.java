package dev.voxloop.tracker.jira;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The Jira Cloud platform REST v3 OpenAPI document as a request validator
 * (com.atlassian.oai:swagger-request-validator-core). Loaded once per JVM because parsing the 2.4 MB document
 * takes seconds. The file is found by walking up from the working directory to {@code shared/contracts/jira}
 * (or from {@code -Dvoxloop.jira.spec=PATH}).
 */
public final class JiraContract {

    public static final String FULL = "jira-platform-rest-v3.openapi.json";
    public static final String SUBSET = "jira-platform-rest-v3.subset.openapi.json";

    private static final Object LOCK = new Object();
    private static JiraContract full;

    private final OpenApiInteractionValidator validator;
    private final List<Deprecated> deprecated = new ArrayList<>();
    private final Path spec;
    private final long loadMillis;

    /**
     * The operations voxloop calls: {@code shared/contracts/jira/subset-selection.json} plus the two per-project
     * create-metadata endpoints. A request to any other path fails validation ("no such path").
     */
    public static final Map<String, List<String>> USED = Map.ofEntries(
            Map.entry("/rest/api/3/issue", List.of("post")),
            Map.entry("/rest/api/3/issue/{issueIdOrKey}", List.of("get", "put")),
            Map.entry("/rest/api/3/issue/{issueIdOrKey}/editmeta", List.of("get")),
            Map.entry("/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}", List.of("get")),
            Map.entry("/rest/api/3/issue/{issueIdOrKey}/comment", List.of("get", "post")),
            Map.entry("/rest/api/3/issue/{issueIdOrKey}/transitions", List.of("get", "post")),
            Map.entry("/rest/api/3/issue/createmeta/{projectIdOrKey}/issuetypes", List.of("get")),
            Map.entry("/rest/api/3/issue/createmeta/{projectIdOrKey}/issuetypes/{issueTypeId}", List.of("get")),
            Map.entry("/rest/api/3/project/search", List.of("get")),
            Map.entry("/rest/api/3/myself", List.of("get")),
            Map.entry("/rest/api/3/search/jql", List.of("get", "post")));

    private JiraContract(Path spec, boolean prune) {
        long t0 = System.nanoTime();
        try {
            String text = Files.readString(spec);
            ObjectMapper mapper = new ObjectMapper();
            JsonNode doc = mapper.readTree(text);
            String used = prune ? mapper.writeValueAsString(dev.voxloop.peers.contract.SpecPruner.prune((com.fasterxml.jackson.databind.node.ObjectNode) doc, USED)) : text;
            this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(used).build();
            JsonNode paths = doc.path("paths");
            paths.properties().forEach(p -> p.getValue().properties().forEach(op -> {
                if (op.getValue().path("deprecated").asBoolean(false)) {
                    String regex = p.getKey().replaceAll("\\{[^/]+}", "[^/]+");
                    deprecated.add(new Deprecated(op.getKey().toUpperCase(java.util.Locale.ROOT), Pattern.compile(regex)));
                }
            }));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.spec = spec;
        if (prune) {
            warmUp();
        }
        this.loadMillis = (System.nanoTime() - t0) / 1_000_000;
    }

    /**
     * The full v3 document, pruned to the operations in {@link #USED} and the components they reference
     * (same definitions, but the validator compiles schemas a hundred times faster), loaded on first use and
     * shared by every peer in this JVM.
     */
    public static JiraContract full() {
        synchronized (LOCK) {
            if (full == null) {
                full = new JiraContract(locate(FULL), true);
            }
            return full;
        }
    }

    /** A document as is, unpruned (for measuring). */
    public static JiraContract load(String fileName) {
        return new JiraContract(locate(fileName), false);
    }

    /** The validator compiles each operation's schemas on first use; do it now, not inside a timed request. */
    private void warmUp() {
        Map<String, List<String>> auth = Map.of("Authorization", List.of("Basic eDp5"),
                "Content-Type", List.of("application/json"));
        USED.forEach((path, methods) -> {
            String concrete = path.replaceAll("\\{[^/]+}", "X-1");
            for (String m : methods) {
                validate(m.toUpperCase(java.util.Locale.ROOT), concrete, Map.of(), auth, m.equals("post") ? "{}" : null);
            }
        });
    }

    public Path spec() {
        return spec;
    }

    public long loadMillis() {
        return loadMillis;
    }

    private record Deprecated(String method, Pattern path) {
    }

    /** Problems with one request, as readable lines; empty when the request matches the contract. */
    public List<String> validate(String method, String path, Map<String, List<String>> query,
                                 Map<String, List<String>> headers, String body) {
        SimpleRequest.Builder b = new SimpleRequest.Builder(Request.Method.valueOf(method), path);
        query.forEach(b::withQueryParam);
        headers.forEach(b::withHeader);
        if (body != null && !body.isEmpty()) {
            b.withBody(body);
        }
        ValidationReport report = validator.validateRequest(b.build());
        List<String> out = new ArrayList<>();
        for (Deprecated d : deprecated) {
            if (d.method().equals(method) && d.path().matcher(path).matches()) {
                out.add(method + " " + path + ": the operation is deprecated in the contract");
            }
        }
        for (ValidationReport.Message m : report.getMessages()) {
            if (m.getLevel() == ValidationReport.Level.ERROR) {
                out.add(method + " " + path + ": " + m.getKey() + ": " + m.getMessage());
            }
        }
        return out;
    }

    static Path locate(String fileName) {
        String override = System.getProperty("voxloop.jira.spec");
        if (override != null && fileName.equals(FULL)) {
            return Path.of(override);
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            for (Path candidate : List.of(dir.resolve("shared/contracts/jira").resolve(fileName),
                    dir.resolve("../shared/contracts/jira").resolve(fileName))) {
                if (Files.isRegularFile(candidate)) {
                    return candidate.normalize();
                }
            }
            dir = dir.getParent();
        }
        Path fallback = Path.of("/work/shared/contracts/jira", fileName);
        if (Files.isRegularFile(fallback)) {
            return fallback;
        }
        throw new IllegalStateException("cannot find " + fileName + " under shared/contracts/jira; set -Dvoxloop.jira.spec");
    }
}

package dev.voxloop.intent.chat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * In-process HTTP peers speaking the model servers' documented contracts (shared/contracts/ollama/openapi.yaml,
 * shared/contracts/openai/openai.subset.openapi.json): every request our clients send is validated against the
 * published OpenAPI document and recorded; answers are scripted per test.
 */
public final class PeerSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PeerSupport() {
    }

    /** A scripted answer: status and JSON body, after an optional delay. */
    public record Reply(int status, String body, long delayMillis) {

        public static Reply ok(String body) {
            return new Reply(200, body, 0);
        }
    }

    public static Path contracts() {
        for (String c : List.of("../../shared/contracts", "../shared/contracts", "../../../shared/contracts")) {
            Path p = Path.of(c);
            if (Files.isDirectory(p)) {
                return p;
            }
        }
        throw new IllegalStateException("shared/contracts is not beside the repository");
    }

    public static Peer ollama() throws IOException {
        return new Peer(contracts().resolve("ollama/openapi.yaml"), "");
    }

    public static Peer openai() throws IOException {
        return new Peer(contracts().resolve("openai/openai.subset.openapi.json"), "/v1");
    }

    /** The few 3.1-only attributes of the OpenAI subset removed so it reads as 3.0 (they describe no request). */
    static String asOpenApi30(String json) {
        try {
            JsonNode root = JSON.readTree(json);
            if (root.path("info").path("license") instanceof ObjectNode license) {
                license.remove("identifier");
            }
            strip(root);
            return JSON.writeValueAsString(root);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void strip(JsonNode n) {
        if (n instanceof ObjectNode o) {
            o.remove("optional");
            if ("string".equals(o.path("type").asText()) && o.has("default") && !o.get("default").isTextual()) {
                o.remove("default");
            }
            if (o.path("examples").isArray()) {
                o.remove("examples");
            }
            o.elements().forEachRemaining(PeerSupport::strip);
        } else if (n.isArray()) {
            n.elements().forEachRemaining(PeerSupport::strip);
        }
    }

    private static String describe(ValidationReport.Message m) {
        StringBuilder b = new StringBuilder(m.getKey()).append(": ").append(m.getMessage());
        for (ValidationReport.Message n : m.getNestedMessages()) {
            b.append(" [").append(describe(n)).append(']');
        }
        return b.toString();
    }

    /** A nested configuration map from dotted keys: config("intent.extractor", "ollama", ...). */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> config(Object... keyValues) {
        Map<String, Object> root = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            String[] parts = keyValues[i].toString().split("\\.");
            Map<String, Object> cur = root;
            for (int j = 0; j < parts.length - 1; j++) {
                cur = (Map<String, Object>) cur.computeIfAbsent(parts[j], k -> new LinkedHashMap<String, Object>());
            }
            cur.put(parts[parts.length - 1], keyValues[i + 1]);
        }
        return root;
    }

    public static ObjectNode ticket(String summary, String type, String priority, String project) {
        ObjectNode n = JSON.createObjectNode();
        n.put("summary", summary);
        n.put("description", "As said: " + summary);
        n.putArray("acceptance_criteria").add("Given checkout on Safari, when paying, then it does not crash");
        n.put("issue_type", type);
        n.put("priority", priority);
        n.put("project_key", project);
        n.putNull("parent_key");
        n.putArray("labels").add("safari");
        n.putArray("missing");
        n.putArray("ambiguities");
        n.putArray("questions");
        ObjectNode c = n.putObject("confidence");
        for (String f : TicketSchema.CONFIDENCE_FIELDS) {
            c.put(f, 0.9);
        }
        n.put("ambiguity_score", 0.1);
        return n;
    }

    public static Reply ollamaOk(Object content) {
        ObjectNode n = JSON.createObjectNode();
        n.put("model", "test-model");
        n.put("created_at", "2026-11-25T13:00:00Z");
        n.putObject("message").put("role", "assistant").put("content", content.toString());
        n.put("done", true);
        n.put("done_reason", "stop");
        return Reply.ok(n.toString());
    }

    public static Reply openaiOk(Object content) {
        ObjectNode n = JSON.createObjectNode();
        n.put("id", "chatcmpl-1");
        n.put("object", "chat.completion");
        n.put("created", 1764075600);
        n.put("model", "test-model");
        ObjectNode choice = n.putArray("choices").addObject();
        choice.put("index", 0);
        choice.put("finish_reason", "stop");
        choice.putObject("message").put("role", "assistant").put("content", content.toString()).putNull("refusal");
        return Reply.ok(n.toString());
    }

    public static final class Peer implements AutoCloseable {

        private static final Map<Path, OpenApiInteractionValidator> VALIDATORS = new ConcurrentHashMap<>();

        private final HttpServer server;
        private final OpenApiInteractionValidator validator;
        private final String basePath;
        private final Deque<Reply> replies = new ArrayDeque<>();
        private final List<JsonNode> bodies = new ArrayList<>();
        private final List<Map<String, List<String>>> headers = new ArrayList<>();
        private final List<String> violations = new ArrayList<>();

        /**
         * @param spec     the OpenAPI document the peer follows
         * @param basePath prefix our client puts before the spec's paths ("/v1" for OpenAI, "" for Ollama)
         */
        Peer(Path spec, String basePath) throws IOException {
            this.validator = VALIDATORS.computeIfAbsent(spec.toAbsolutePath().normalize(), p -> {
                try {
                    // The validator's schema engine speaks OpenAPI 3.0; read as 3.1 it drops every single "type" and
                // every oneOf then matches twice. Both documents use only 3.0-compatible constructs on the paths
                // we call, so they are read as 3.0.3.
                String text = p.toString().endsWith(".json") ? asOpenApi30(Files.readString(p)) : Files.readString(p);
                text = text.replaceFirst("(\"openapi\"\\s*:\\s*\"|openapi:\\s*)3\\.1\\.0",
                        "$13.0.3");
                // allOf is merged before validation (else each part's additionalProperties:false rejects the
                // other part's properties); OpenAI's message discriminator has no mapping, which this validator
                // cannot follow, so the discriminator check is off (each message schema still checks its role).
                return OpenApiInteractionValidator.createForInlineApiSpecification(text).withResolveCombinators(true)
                        .withLevelResolver(LevelResolver.create().withLevel(
                                "validation.request.body.schema.discriminator", ValidationReport.Level.IGNORE).build())
                        .build();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            this.basePath = basePath;
            this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                byte[] in = exchange.getRequestBody().readAllBytes();
                String body = new String(in, StandardCharsets.UTF_8);
                String path = exchange.getRequestURI().getPath();
                String specPath = path.startsWith(basePath) ? path.substring(basePath.length()) : path;
                SimpleRequest.Builder rb = new SimpleRequest.Builder(exchange.getRequestMethod(), specPath).withBody(body);
                exchange.getRequestHeaders().forEach((k, v) -> rb.withHeader(k, v));
                ValidationReport report = validator.validateRequest(rb.build());
                synchronized (this) {
                    if (report.hasErrors()) {
                        report.getMessages().stream().filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                                .forEach(m -> violations.add(describe(m)));
                    }
                    bodies.add(JSON.readTree(body));
                    headers.add(Map.copyOf(exchange.getRequestHeaders()));
                }
                Reply reply;
                synchronized (this) {
                    reply = replies.isEmpty() ? new Reply(500, "{\"error\":\"no scripted reply\"}", 0) : replies.poll();
                }
                if (reply.delayMillis() > 0) {
                    try {
                        Thread.sleep(reply.delayMillis());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                byte[] out = reply.body().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(reply.status(), out.length);
                try (OutputStream os = exchange.getResponseBody()) {
                    os.write(out);
                }
            });
            server.start();
        }

        public String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + basePath;
        }

        public synchronized Peer reply(Reply r) {
            replies.add(r);
            return this;
        }

        public synchronized List<JsonNode> bodies() {
            return List.copyOf(bodies);
        }

        public synchronized List<Map<String, List<String>>> headers() {
            return List.copyOf(headers);
        }

        /** Contract violations found in the requests received so far. */
        public synchronized List<String> violations() {
            return List.copyOf(violations);
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}

package dev.voxloop.peers.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.voxloop.peers.contract.OpenApiContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * GitHub's webhook payloads as {@code @octokit/openapi-webhooks} describes them ({@link GitHubDescriptions#webhooks}):
 * {@link #sample} builds the smallest payload the schema accepts (required properties only, nullable ones null unless
 * named), and {@link #validate} checks a payload against the schema of its webhook ({@code issues-labeled},
 * {@code check-run-completed}, ...), each webhook set out as {@code POST /<name>} for the request validator.
 */
public final class WebhookPayloads {

    private final ObjectNode doc;
    private final OpenApiContract contract;
    private final Set<String> names;

    public WebhookPayloads(String... webhooks) {
        try {
            this.doc = (ObjectNode) GitHubPeer.JSON.readTree(GitHubDescriptions.webhooks().toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.names = Set.of(webhooks);
        ObjectNode asPaths = doc.deepCopy();
        ObjectNode paths = asPaths.putObject("paths");
        Map<String, List<String>> keep = new LinkedHashMap<>();
        for (String name : webhooks) {
            JsonNode hook = doc.path("webhooks").path(name);
            if (hook.isMissingNode()) {
                throw new IllegalArgumentException("GitHub describes no webhook " + name);
            }
            paths.set("/" + name, hook);
            keep.put("/" + name, List.of("post"));
        }
        this.contract = OpenApiContract.of("@octokit/openapi-webhooks", asPaths, keep);
    }

    /** A delivery as GitHub sends it: its headers (signed with {@code secret}) and its body. */
    public record Delivery(String id, Map<String, List<String>> headers, String body) {
    }

    /** Signs {@code payload} as a delivery of {@code webhook} ({@code issues-labeled} is event {@code issues}). */
    public Delivery delivery(String webhook, String id, String secret, JsonNode payload) {
        String body = payload.toString();
        Map<String, List<String>> h = new LinkedHashMap<>();
        h.put("Content-Type", List.of("application/json"));
        h.put("User-Agent", List.of("GitHub-Hookshot/5f1d2e3"));
        h.put("X-GitHub-Hook-ID", List.of("4242"));
        h.put("X-GitHub-Event", List.of(event(webhook)));
        h.put("X-GitHub-Delivery", List.of(id));
        h.put("X-GitHub-Hook-Installation-Target-ID", List.of("1296269"));
        h.put("X-GitHub-Hook-Installation-Target-Type", List.of("repository"));
        h.put("X-Hub-Signature-256", List.of("sha256=" + hmac(secret, body)));
        return new Delivery(id, h, body);
    }

    /** Problems of a delivery of {@code webhook} (headers and body); empty when GitHub's description accepts it. */
    public List<String> validate(String webhook, Delivery d) {
        if (!names.contains(webhook)) {
            throw new IllegalArgumentException(webhook + " was not loaded");
        }
        return contract.validate("POST", "/" + webhook, d.headers(), d.body());
    }

    /** Problems of {@code payload} as {@code webhook}'s body, sent with well-formed delivery headers. */
    public List<String> validate(String webhook, JsonNode payload) {
        return validate(webhook, delivery(webhook, "00000000-0000-0000-0000-000000000000", "secret", payload));
    }

    /** The event header of a webhook: {@code check-run-completed} is {@code check_run}, {@code ping} is {@code ping}. */
    public String event(String webhook) {
        JsonNode schema = resolve(doc.path("webhooks").path(webhook).path("post").path("requestBody")
                .path("content").path("application/json").path("schema"));
        String action = schema.path("properties").path("action").path("enum").path(0).asText("").replace('_', '-');
        String base = !action.isEmpty() && webhook.endsWith("-" + action)
                ? webhook.substring(0, webhook.length() - action.length() - 1) : webhook;
        return base.replace('-', '_');
    }

    private static String hmac(String secret, String body) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    "HmacSHA256"));
            return java.util.HexFormat.of().formatHex(mac.doFinal(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The smallest accepted payload of {@code webhook}; {@code filled} names properties (dotted) not to leave null. */
    public ObjectNode sample(String webhook, String... filled) {
        JsonNode schema = doc.path("webhooks").path(webhook).path("post").path("requestBody").path("content")
                .path("application/json").path("schema");
        return (ObjectNode) value(schema, "", Set.of(filled), 0);
    }

    private JsonNode resolve(JsonNode s) {
        while (s.has("$ref")) {
            String[] parts = s.get("$ref").asText().substring(2).split("/");
            JsonNode t = doc;
            for (String p : parts) {
                t = t.path(p);
            }
            s = t;
        }
        return s;
    }

    private JsonNode value(JsonNode schema, String path, Set<String> filled, int depth) {
        JsonNode s = resolve(schema);
        if (s.has("allOf")) {
            ObjectNode merged = GitHubPeer.JSON.createObjectNode();
            ObjectNode props = merged.putObject("properties");
            ArrayNode required = merged.putArray("required");
            merged.put("type", "object");
            for (JsonNode part : s.get("allOf")) {
                JsonNode r = resolve(part);
                r.path("properties").properties().forEach(e -> props.set(e.getKey(), e.getValue()));
                r.path("required").forEach(required::add);
            }
            s = merged;
        }
        for (String union : List.of("oneOf", "anyOf")) {
            if (s.has(union)) {
                JsonNode pick = null;
                for (JsonNode alt : s.get(union)) {
                    if (!"null".equals(resolve(alt).path("type").asText())) {
                        pick = alt;
                        break;
                    }
                }
                return pick == null ? GitHubPeer.JSON.nullNode() : value(pick, path, filled, depth);
            }
        }
        boolean nullable = s.path("nullable").asBoolean() || s.path("type").isArray() && s.get("type").toString()
                .contains("\"null\"");
        if (nullable && !filled.contains(path) && depth > 0) {
            return GitHubPeer.JSON.nullNode();
        }
        if (s.has("enum")) {
            for (JsonNode e : s.get("enum")) {
                if (!e.isNull()) {
                    return e;
                }
            }
        }
        if (s.has("const")) {
            return s.get("const");
        }
        String type = s.path("type").isArray() ? firstNonNull(s.get("type")) : s.path("type").asText("object");
        return switch (type) {
            case "string" -> GitHubPeer.JSON.getNodeFactory().textNode(text(s.path("format").asText()));
            case "integer", "number" -> GitHubPeer.JSON.getNodeFactory().numberNode(Math.max(1, s.path("minimum")
                    .asInt(1)));
            case "boolean" -> GitHubPeer.JSON.getNodeFactory().booleanNode(false);
            case "array" -> GitHubPeer.JSON.createArrayNode();
            default -> object(s, path, filled, depth);
        };
    }

    private ObjectNode object(JsonNode s, String path, Set<String> filled, int depth) {
        ObjectNode o = GitHubPeer.JSON.createObjectNode();
        for (JsonNode r : s.path("required")) {
            String name = r.asText();
            JsonNode prop = s.path("properties").path(name);
            String sub = path.isEmpty() ? name : path + "." + name;
            o.set(name, prop.isMissingNode() ? GitHubPeer.JSON.createObjectNode() : value(prop, sub, filled, depth + 1));
        }
        for (String f : filled) {
            String prefix = path.isEmpty() ? "" : path + ".";
            if (f.startsWith(prefix) && !f.substring(prefix.length()).contains(".")) {
                String name = f.substring(prefix.length());
                if (!o.has(name) || o.get(name).isNull()) {
                    JsonNode prop = s.path("properties").path(name);
                    if (!prop.isMissingNode()) {
                        o.set(name, value(prop, f, filled, depth + 1));
                    }
                }
            }
        }
        return o;
    }

    private static String firstNonNull(JsonNode types) {
        for (JsonNode t : types) {
            if (!t.asText().equals("null")) {
                return t.asText();
            }
        }
        return "null";
    }

    private static String text(String format) {
        return switch (format) {
            case "date-time" -> "2026-12-06T01:00:00Z";
            case "uri", "uri-template" -> "https://github.com/octo/trackit";
            case "email" -> "octo@example.com";
            case "date" -> "2026-12-06";
            default -> "x";
        };
    }
}

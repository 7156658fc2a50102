package dev.voxloop.app.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Requests generated from the OpenAPI document, one operation at a time: a value for every parameter and body
 * field from its schema (types, enums, lengths at and past the stated bounds), then, most of the time, one or more
 * mutations: a missing required field, a wrong type, an unknown key, a string past maxLength, unicode edge cases
 * (NUL, BOM, zero-width, lone surrogates, right-to-left, emoji), huge numbers, deep nesting, malformed JSON, a
 * wrong content type, a bad or missing token, an odd method or header. Everything comes from one seeded
 * {@link Random}, so a seed replays the same request shapes.
 */
final class FuzzRequests {

    /** One request to send. {@code body} null sends none; {@code headers} name, value pairs. */
    record Request(String method, String path, List<String> headers, byte[] body, String operation) {
        String describe() {
            String b = body == null ? "" : new String(body, StandardCharsets.UTF_8);
            String p = path.length() > 200 ? path.substring(0, 200) + "…" : path;
            return method + " " + p + " " + headers + " " + (b.length() > 200 ? b.substring(0, 200) + "…" : b);
        }
    }

    /** Strings that break naive handling; {@link #LONE} marks where an escaped lone surrogate goes. */
    static final String LONE = "\uE000lone\uE000";
    static final List<String> EDGE = List.of("", " ", "\u0000", "a\u0000b", "\uFEFF", "\u200B", "\u200B\u200B",
            "\u00A0", "\u2028", "\u202Eevil", "\u3164", "\u2800", "\t\n\r", LONE, "\uD83D\uDE80", "\uD83D\uDE80".repeat(40),
            "' OR 1=1 --", "<script>alert(1)</script>", "../../etc/passwd", "%00", "%2e%2e%2f", "${jndi:ldap://x}",
            "{{7*7}}", "\\", "\"", "null", "BOOK-1", "book-1", "BOOK-0", "BOOK-999999999", "A-1", "Ä-1", "ﬁ",
            "e\u0301", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢");
    static final List<String> NUMBERS = List.of("0", "-1", "1", "100", "101", "2147483648", "-2147483649",
            "9223372036854775808", "1e400", "-1e400", "1.5", "1E2", "0.0000001", "123456789012345678901234567890",
            "NaN", "Infinity", "-0");
    static final List<String> METHODS = List.of("PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "PROPFIND", "FOO");
    static final List<String> CONTENT_TYPES = List.of("text/plain", "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=zzz", "application/json; charset=iso-8859-1", "APPLICATION/JSON",
            "application/json;;", "application/xml", "*/*", "application/json-patch+json");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final JsonNode doc;
    private final Random random;
    private final String token;
    private final Map<String, Supplier<List<String>>> known;
    private final Map<String, String> secrets;
    private final List<Map.Entry<String, String>> operations = new ArrayList<>();

    /**
     * @param token the server's API token (sent right most of the time, wrong or missing otherwise)
     * @param known   values that exist on the server, by path parameter name ({@code id}, {@code key}, ...)
     * @param secrets the server's webhook secrets by the signature header they sign ({@code X-Hub-Signature}):
     *                most webhook requests are signed right (with a fresh timestamp), so they get past the signature
     */
    FuzzRequests(JsonNode doc, Random random, String token, Map<String, Supplier<List<String>>> known,
                 Map<String, String> secrets) {
        this.doc = doc;
        this.random = random;
        this.token = token;
        this.known = known;
        this.secrets = secrets;
        doc.path("paths").properties().forEach(p -> p.getValue().fieldNames().forEachRemaining(m -> {
            JsonNode op = p.getValue().path(m);
            // streams are not request/response: the SSE answer never ends, the upgrades need a WebSocket client
            boolean stream = op.path("x-websocket").asBoolean(false) || op.path("responses").path("200")
                    .path("content").has("text/event-stream");
            if (!stream && List.of("get", "post", "head").contains(m)) {
                operations.add(Map.entry(p.getKey(), m));
            }
        }));
    }

    List<String> operations() {
        return operations.stream().map(e -> e.getValue().toUpperCase(Locale.ROOT) + " " + e.getKey()).toList();
    }

    Request next() {
        Map.Entry<String, String> pick = operations.get(random.nextInt(operations.size()));
        String template = pick.getKey();
        String method = pick.getValue().toUpperCase(Locale.ROOT);
        JsonNode op = doc.path("paths").path(template).path(pick.getValue());
        boolean mutate = random.nextInt(10) < 7;
        List<String> headers = new ArrayList<>();
        String path = fillPath(template, op, mutate);
        String query = query(op, mutate);
        byte[] body = null;
        JsonNode content = op.path("requestBody").path("content");
        if (content.has("application/json")) {
            body = jsonBody(resolve(content.path("application/json").path("schema")), mutate, headers);
        } else if (content.has("multipart/form-data")) {
            body = multipart(mutate, headers);
        } else if (content.size() > 0) {
            body = bytes(random.nextInt(64));
            headers.add("Content-Type");
            headers.add(content.fieldNames().next());
        }
        headerParameters(op, mutate, headers);
        auth(headers);
        body = sign(op, body, headers);
        if (mutate && random.nextInt(12) == 0) {
            method = METHODS.get(random.nextInt(METHODS.size()));
        }
        if (mutate && random.nextInt(15) == 0) {
            headers.add("X-HTTP-Method-Override");
            headers.add(random.nextBoolean() ? "DELETE" : "POST");
        }
        if ("HEAD".equals(method) || "GET".equals(method) && random.nextInt(20) != 0) {
            body = null;
        }
        return new Request(method, path + query, headers, body, pick.getValue().toUpperCase(Locale.ROOT) + " "
                + template);
    }

    private String fillPath(String template, JsonNode op, boolean mutate) {
        String out = template;
        for (JsonNode p : parameters(op, "path")) {
            String name = p.path("name").asText();
            List<String> values = known.getOrDefault(name, List::of).get();
            String v;
            if (!values.isEmpty() && (!mutate || random.nextBoolean())) {
                v = values.get(random.nextInt(values.size()));
            } else {
                v = mutate ? edgeOrLong(resolve(p.path("schema"))) : text(resolve(p.path("schema")), false);
            }
            out = out.replace("{" + name + "}", encodePath(v));
        }
        return out;
    }

    private String query(JsonNode op, boolean mutate) {
        List<String> parts = new ArrayList<>();
        for (JsonNode p : parameters(op, "query")) {
            if (!p.path("required").asBoolean(false) && random.nextInt(3) == 0) {
                continue;
            }
            JsonNode schema = resolve(p.path("schema"));
            String v = mutate && random.nextBoolean() ? edgeOrLong(schema) : scalar(schema).asText();
            parts.add(p.path("name").asText() + "=" + URLEncoder.encode(v.replace(LONE, "\uFFFD"),
                    StandardCharsets.UTF_8));
        }
        if (mutate && random.nextInt(8) == 0) {
            parts.add(random.nextBoolean() ? "token=" + garbageToken() : "%zz=%" + "&=&&");
        }
        return parts.isEmpty() ? "" : "?" + String.join("&", parts);
    }

    private void headerParameters(JsonNode op, boolean mutate, List<String> headers) {
        for (JsonNode p : parameters(op, "header")) {
            String name = p.path("name").asText();
            if (name.equalsIgnoreCase("Upgrade") || !p.path("required").asBoolean(false) && random.nextBoolean()) {
                continue;
            }
            String v = mutate && random.nextBoolean() ? edgeOrLong(resolve(p.path("schema")))
                    : text(resolve(p.path("schema")), false);
            headers.add(name);
            headers.add(headerSafe(v));
        }
    }

    private void auth(List<String> headers) {
        int r = random.nextInt(10);
        if (r < 7) {
            headers.add(random.nextBoolean() ? "Authorization" : "X-API-Token");
            headers.add(headers.getLast().equals("Authorization") ? "Bearer " + token : token);
        } else if (r < 9) {
            headers.add("Authorization");
            headers.add(List.of("Bearer " + garbageToken(), "Basic Zm9vOmJhcg==", "Bearer", "bearer  " + token + "x",
                    "Token " + token).get(random.nextInt(5)));
        }
    }

    /** Signs a webhook body with the secret its security scheme names (most of the time; a fresh timestamp too). */
    private byte[] sign(JsonNode op, byte[] body, List<String> headers) {
        for (JsonNode requirement : op.path("security")) {
            for (String scheme : (Iterable<String>) requirement::fieldNames) {
                String header = doc.path("components").path("securitySchemes").path(scheme).path("name").asText();
                String secret = secrets.get(header);
                if (secret == null || body == null || random.nextInt(5) == 0) {
                    continue;
                }
                byte[] signed = body;
                try {
                    if (JSON.readTree(body) instanceof ObjectNode o && o.has("issue") && random.nextInt(4) != 0) {
                        o.put("timestamp", System.currentTimeMillis());
                        signed = raw(serialize(o));
                    }
                } catch (java.io.IOException notJson) {
                    // signed as it is
                }
                headers.add(header);
                headers.add("sha256=" + hmac(secret, signed));
                if (header.endsWith("-256") && random.nextInt(3) != 0) {
                    headers.add("X-GitHub-Event");
                    headers.add(List.of("issues", "ping", "check_run", "check_suite", "pull_request_review",
                            "status", "push").get(random.nextInt(7)));
                }
                return signed;
            }
        }
        return body;
    }

    private static String hmac(String secret, byte[] body) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return java.util.HexFormat.of().formatHex(mac.doFinal(body));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] jsonBody(JsonNode schema, boolean mutate, List<String> headers) {
        String type = "application/json";
        if (mutate && random.nextInt(8) == 0) {
            type = CONTENT_TYPES.get(random.nextInt(CONTENT_TYPES.size()));
        }
        if (!(mutate && random.nextInt(25) == 0)) {
            headers.add("Content-Type");
            headers.add(type);
        }
        if (mutate) {
            switch (random.nextInt(14)) {
                case 0 -> {
                    return raw(deep(random.nextBoolean() ? 5_000 : 200));
                }
                case 1 -> {
                    return raw(List.of("", "{", "{\"text\":", "[]", "null", "\"x\"", "42", "{}{}", "{\"a\":1,}",
                            "{'text':'x'}", "\uFEFF{}", "{\"text\":\"x\"} trailing").get(random.nextInt(12)));
                }
                case 2 -> {
                    return raw("{\"text\":\"a\",\"text\":\"b\",\"session_id\":\"x\",\"session_id\":\"y\"}");
                }
                case 3 -> {
                    return bytes(random.nextInt(200));
                }
                default -> {
                    // a generated object, mutated below
                }
            }
        }
        JsonNode value = value(schema, 0, mutate);
        if (mutate && value instanceof ObjectNode o) {
            mutateObject(o, schema);
        }
        return raw(serialize(value));
    }

    private void mutateObject(ObjectNode o, JsonNode schema) {
        List<String> fields = new ArrayList<>();
        resolve(schema).path("properties").fieldNames().forEachRemaining(fields::add);
        int n = 1 + random.nextInt(2);
        for (int i = 0; i < n && !fields.isEmpty(); i++) {
            String f = fields.get(random.nextInt(fields.size()));
            JsonNode fs = resolve(resolve(schema).path("properties").path(f));
            switch (random.nextInt(7)) {
                case 0 -> o.remove(f);
                case 1 -> o.set(f, wrongType(fs));
                case 2 -> o.put(f, longString(fs));
                case 3 -> o.put(f, EDGE.get(random.nextInt(EDGE.size())));
                case 4 -> o.putRawValue(f, new com.fasterxml.jackson.databind.util.RawValue(
                        NUMBERS.get(random.nextInt(NUMBERS.size()))));
                case 5 -> o.put(word(6), "unknown");
                default -> o.putNull(f);
            }
        }
    }

    private JsonNode value(JsonNode schema, int depth, boolean mutate) {
        JsonNode s = resolve(schema);
        if (s.has("anyOf")) {
            return value(s.get("anyOf").get(random.nextInt(s.get("anyOf").size())), depth, mutate);
        }
        if (s.has("allOf")) {
            return value(s.get("allOf").get(0), depth, mutate);
        }
        String type = s.path("type").asText(s.has("properties") ? "object" : "string");
        switch (type) {
            case "object" -> {
                ObjectNode o = NODES.objectNode();
                List<String> required = new ArrayList<>();
                s.path("required").forEach(r -> required.add(r.asText()));
                s.path("properties").properties().forEach(e -> {
                    if (depth < 4 && (required.contains(e.getKey()) || random.nextBoolean())) {
                        o.set(e.getKey(), value(e.getValue(), depth + 1, mutate));
                    }
                });
                return o;
            }
            case "array" -> {
                ArrayNode a = NODES.arrayNode();
                int max = s.path("maxItems").asInt(4);
                int n = random.nextInt(8) == 0 ? max + (random.nextBoolean() ? 1 : 0) : random.nextInt(Math.min(max, 4) + 1);
                for (int i = 0; i < n; i++) {
                    a.add(value(s.path("items"), depth + 1, mutate));
                }
                return a;
            }
            default -> {
                return scalar(s);
            }
        }
    }

    private JsonNode scalar(JsonNode s) {
        String type = s.path("type").asText("string");
        if (s.has("enum")) {
            JsonNode e = s.get("enum");
            JsonNode v = e.get(random.nextInt(e.size()));
            return v.isTextual() && random.nextInt(5) == 0 ? NODES.textNode(v.asText().toUpperCase(Locale.ROOT)) : v;
        }
        return switch (type) {
            case "integer" -> {
                long min = s.path("minimum").asLong(0);
                long max = s.path("maximum").asLong(min + 1000);
                yield NODES.numberNode(List.of(min, max, min + random.nextLong(Math.max(1, max - min)), min - 1,
                        max + 1).get(random.nextInt(5)));
            }
            case "number" -> NODES.numberNode(random.nextDouble() * 10);
            case "boolean" -> NODES.booleanNode(random.nextBoolean());
            default -> NODES.textNode(text(s, false));
        };
    }

    /** A string for {@code s}: short words, or exactly at its bounds. */
    private String text(JsonNode s, boolean atBounds) {
        int max = s.path("maxLength").asInt(40);
        int min = s.path("minLength").asInt(0);
        int r = random.nextInt(10);
        if (atBounds || r == 0) {
            return "x".repeat(random.nextBoolean() ? max : Math.max(min, 0));
        }
        if (r == 1) {
            return "\uD83D\uDE80".repeat(Math.min(max, 64));
        }
        if (s.has("pattern") && s.path("pattern").asText().contains("A-Z][A-Z0-9_]")) {
            return List.of("BOOK", "STORE", "ZZZ").get(random.nextInt(3)) + "-" + (1 + random.nextInt(20));
        }
        StringBuilder b = new StringBuilder();
        int words = 1 + random.nextInt(8);
        for (int i = 0; i < words && b.length() < max; i++) {
            b.append(i == 0 ? "" : " ").append(word(2 + random.nextInt(8)));
        }
        return b.length() > max ? b.substring(0, max) : b.toString();
    }

    private String edgeOrLong(JsonNode s) {
        return random.nextBoolean() ? EDGE.get(random.nextInt(EDGE.size())) : longString(s);
    }

    private String longString(JsonNode s) {
        int max = s.path("maxLength").asInt(300);
        return (random.nextBoolean() ? "y" : "\uD83D\uDE80").repeat(max + 1 + random.nextInt(3));
    }

    private JsonNode wrongType(JsonNode s) {
        String type = s.path("type").asText("string");
        List<JsonNode> options = new ArrayList<>(List.of(NODES.numberNode(7), NODES.booleanNode(true),
                NODES.textNode("7"), NODES.arrayNode().add("x"), NODES.objectNode().put("a", 1), NODES.arrayNode()
                        .addNull()));
        options.removeIf(n -> n.getNodeType().name().toLowerCase(Locale.ROOT).startsWith(type.substring(0, 3)));
        return options.get(random.nextInt(options.size()));
    }

    private byte[] multipart(boolean mutate, List<String> headers) {
        String boundary = "fuzz" + random.nextInt(1_000_000);
        headers.add("Content-Type");
        headers.add(mutate && random.nextInt(4) == 0 ? CONTENT_TYPES.get(random.nextInt(CONTENT_TYPES.size()))
                : "multipart/form-data; boundary=" + boundary);
        String field = mutate && random.nextInt(4) == 0 ? "file" : "audio";
        byte[] content = random.nextInt(4) == 0 ? new byte[0] : bytes(random.nextInt(2_000));
        if (mutate && random.nextInt(4) == 0) {
            return raw("--" + boundary + "\r\nContent-Disposition: form-data; name=\"audio\"\r\n\r\nunterminated");
        }
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field
                + "\"; filename=\"a.wav\"\r\nContent-Type: audio/wav\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(content, 0, out, head.length, content.length);
        System.arraycopy(tail, 0, out, head.length + content.length, tail.length);
        return out;
    }

    private List<JsonNode> parameters(JsonNode op, String in) {
        List<JsonNode> out = new ArrayList<>();
        op.path("parameters").forEach(p -> {
            JsonNode r = resolve(p);
            if (in.equals(r.path("in").asText())) {
                out.add(r);
            }
        });
        return out;
    }

    private JsonNode resolve(JsonNode s) {
        while (s.has("$ref")) {
            JsonNode t = doc;
            for (String part : s.get("$ref").asText().substring(2).split("/")) {
                t = t.path(part);
            }
            s = t;
        }
        return s;
    }

    private String serialize(JsonNode value) {
        try {
            return JSON.writeValueAsString(value).replace(LONE, "\\ud800");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String deep(int levels) {
        return "{\"text\":" + "[".repeat(levels) + "]".repeat(levels) + "}";
    }

    private String word(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append((char) ('a' + random.nextInt(26)));
        }
        return b.toString();
    }

    private String garbageToken() {
        return word(1 + random.nextInt(40));
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private static byte[] raw(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Header values must be visible ASCII for the client to send them; anything else is escaped. */
    private static String headerSafe(String v) {
        StringBuilder b = new StringBuilder();
        for (char c : v.replace(LONE, "lone").toCharArray()) {
            b.append(c >= 0x20 && c < 0x7F ? String.valueOf(c) : "%" + Integer.toHexString(c));
        }
        return b.toString();
    }

    private static String encodePath(String v) {
        return URLEncoder.encode(v.replace(LONE, "\uFFFD"), StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Ordered name → value pairs of a request's headers (for a readable failure). */
    static Map<String, String> headerMap(List<String> headers) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < headers.size(); i += 2) {
            m.put(headers.get(i), headers.get(i + 1));
        }
        return m;
    }
}

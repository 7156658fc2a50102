package dev.voxloop.peers.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The Anthropic Messages API request rules a peer checks. Anthropic publishes no OpenAPI document, so these are
 * written from its API reference (platform.claude.com/docs/en/api/messages, "Create a Message" and "Count tokens";
 * .../build-with-claude/tool-use for the tool_use / tool_result pairing; .../api/versioning for the header):
 * <ul>
 * <li>headers: {@code anthropic-version}, and the key in {@code x-api-key} (or {@code Authorization: Bearer});
 * {@code content-type: application/json};</li>
 * <li>body: {@code model} a non-empty string; {@code max_tokens} an integer ≥ 0 (create only); {@code messages} a
 * non-empty array of {@code {role, content}}, content a string or a list of typed blocks; {@code stream} a
 * boolean; {@code system} a string or a list of text blocks; {@code tools} objects with a {@code name} (custom
 * tools: {@code ^[a-zA-Z0-9_-]{1,128}$} and an object {@code input_schema}; server tools carry a {@code type});</li>
 * <li>blocks: {@code text} has a string {@code text}; {@code tool_use} an {@code id}, {@code name} and object
 * {@code input}; every {@code tool_result} names a {@code tool_use_id} of a {@code tool_use} in the message right
 * before it, and every tool_use of an assistant message is answered in the next message (the API rejects a
 * conversation that leaves one open).</li>
 * </ul>
 * Roles: {@code user} and {@code assistant} as documented; Claude Code 2.1.x also sends {@code system} messages
 * inside {@code messages} on the beta endpoint ({@code ?beta=true}), which is accepted there and nowhere else.
 */
public final class MessagesContract {

    private static final Pattern TOOL_NAME = Pattern.compile("^[a-zA-Z0-9_-]{1,128}$");
    private static final Set<String> BLOCKS = Set.of("text", "image", "document", "search_result", "tool_use",
            "tool_result", "thinking", "redacted_thinking", "server_tool_use", "web_search_tool_result",
            "container_upload", "mcp_tool_use", "mcp_tool_result");

    private MessagesContract() {
    }

    /** Problems with one request; empty when it follows the rules above. */
    public static List<String> check(String path, boolean beta, Map<String, List<String>> headers, JsonNode body) {
        List<String> out = new ArrayList<>();
        boolean create = path.equals("/v1/messages");
        if (first(headers, "anthropic-version") == null) {
            out.add(path + ": no anthropic-version header");
        }
        String auth = first(headers, "authorization");
        if (first(headers, "x-api-key") == null && (auth == null || !auth.startsWith("Bearer "))) {
            out.add(path + ": no x-api-key (or Authorization: Bearer) header");
        }
        String type = first(headers, "content-type");
        if (type == null || !type.startsWith("application/json")) {
            out.add(path + ": content-type is " + type + ", not application/json");
        }
        if (body == null || !body.isObject()) {
            out.add(path + ": body is not a JSON object");
            return out;
        }
        if (!body.path("model").isTextual() || body.path("model").asText().isBlank()) {
            out.add(path + ": model must be a non-empty string");
        }
        if (create && (!body.path("max_tokens").isIntegralNumber() || body.path("max_tokens").asLong() < 0)) {
            out.add(path + ": max_tokens must be an integer >= 0");
        }
        if (body.has("stream") && !body.get("stream").isBoolean()) {
            out.add(path + ": stream must be a boolean");
        }
        system(path, body.get("system"), out);
        tools(path, body.get("tools"), out);
        messages(path, beta, body.get("messages"), out);
        return out;
    }

    private static void system(String path, JsonNode system, List<String> out) {
        if (system == null || system.isTextual()) {
            return;
        }
        if (!system.isArray()) {
            out.add(path + ": system must be a string or a list of text blocks");
            return;
        }
        for (JsonNode b : system) {
            if (!"text".equals(b.path("type").asText()) || !b.path("text").isTextual()) {
                out.add(path + ": system blocks must be text blocks with a string text");
            }
        }
    }

    private static void tools(String path, JsonNode tools, List<String> out) {
        if (tools == null) {
            return;
        }
        if (!tools.isArray()) {
            out.add(path + ": tools must be a list");
            return;
        }
        for (JsonNode t : tools) {
            String name = t.path("name").asText("");
            boolean custom = !t.has("type") || "custom".equals(t.path("type").asText());
            if (!TOOL_NAME.matcher(name).matches()) {
                out.add(path + ": tool name '" + name + "' does not match " + TOOL_NAME);
            }
            if (custom && !t.path("input_schema").isObject()) {
                out.add(path + ": custom tool " + name + " has no input_schema object");
            }
        }
    }

    private static void messages(String path, boolean beta, JsonNode messages, List<String> out) {
        if (messages == null || !messages.isArray() || messages.isEmpty()) {
            out.add(path + ": messages must be a non-empty list");
            return;
        }
        Set<String> open = new HashSet<>();
        int i = 0;
        for (JsonNode m : messages) {
            String where = path + ": messages[" + i++ + "]";
            String role = m.path("role").asText("");
            if (!role.equals("user") && !role.equals("assistant") && !(beta && role.equals("system"))) {
                out.add(where + ": role '" + role + "' is not user or assistant");
            }
            JsonNode content = m.get("content");
            Set<String> answered = new HashSet<>();
            Set<String> called = new HashSet<>();
            if (content == null || !(content.isTextual() || content.isArray())) {
                out.add(where + ": content must be a string or a list of blocks");
            } else if (content.isArray()) {
                for (JsonNode b : content) {
                    block(where, b, answered, called, out);
                }
            }
            if (role.equals("system")) {
                continue;
            }
            for (String id : answered) {
                if (!open.contains(id)) {
                    out.add(where + ": tool_result for " + id + " has no tool_use in the message before it");
                }
            }
            if (!open.isEmpty() && !answered.containsAll(open)) {
                Set<String> missing = new HashSet<>(open);
                missing.removeAll(answered);
                out.add(where + ": tool_use " + missing + " of the previous message got no tool_result");
            }
            open = role.equals("assistant") ? called : new HashSet<>();
        }
    }

    private static void block(String where, JsonNode b, Set<String> answered, Set<String> called,
                              List<String> out) {
        String type = b.path("type").asText("");
        if (!BLOCKS.contains(type)) {
            out.add(where + ": unknown block type '" + type + "'");
            return;
        }
        switch (type) {
            case "text" -> {
                if (!b.path("text").isTextual()) {
                    out.add(where + ": text block without a string text");
                }
            }
            case "tool_use" -> {
                if (!b.path("id").isTextual() || !b.path("name").isTextual() || !b.path("input").isObject()) {
                    out.add(where + ": tool_use needs id, name and an object input");
                }
                called.add(b.path("id").asText());
            }
            case "tool_result" -> {
                if (!b.path("tool_use_id").isTextual()) {
                    out.add(where + ": tool_result without tool_use_id");
                }
                answered.add(b.path("tool_use_id").asText());
            }
            default -> {
            }
        }
    }

    private static String first(Map<String, List<String>> headers, String name) {
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                return e.getValue().get(0);
            }
        }
        return null;
    }
}

package dev.voxloop.intent.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.voxloop.core.chat.ToolChat;
import dev.voxloop.core.problem.Problem;
import dev.voxloop.intent.remote.JsonPost;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Tool calling over OpenAI-compatible chat completions ({@code POST {base}/chat/completions}, not streamed):
 * {@code tools} as functions, the model's {@code tool_calls} (arguments as a JSON string) back, tool results as
 * {@code role: tool} messages, usage from {@code prompt_tokens}/{@code completion_tokens}. A server that refuses
 * tools (HTTP 400 naming them) raises {@link ToolChat.ToolsNotSupported}.
 */
public final class OpenAiToolChat implements ToolChat {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NO_TOOLS = Pattern.compile("(?i)(does not|doesn't|cannot) support tools|tools? "
            + "(are|is) not supported|unsupported (parameter|field)?:? ?'?tools");

    private final URI uri;
    private final String model;
    private final String key;
    private final Duration timeout;
    private final JsonPost http;

    public OpenAiToolChat(String baseUrl, String model, String key, Duration timeout) {
        this.uri = URI.create(baseUrl.replaceAll("/+$", "") + "/chat/completions");
        this.model = model;
        this.key = key == null ? "" : key;
        this.timeout = timeout;
        this.http = new JsonPost("The OpenAI-compatible server", Duration.ofSeconds(10));
    }

    @Override
    public String name() {
        return "openai";
    }

    @Override
    public Answer next(List<Entry> conversation, List<Tool> tools) {
        ObjectNode body = JSON.createObjectNode();
        body.put("model", model);
        ArrayNode ms = body.putArray("messages");
        for (Entry e : conversation) {
            ObjectNode m = ms.addObject();
            switch (e) {
                case System s -> m.put("role", "system").put("content", s.text());
                case User u -> m.put("role", "user").put("content", u.text());
                case Assistant a -> {
                    m.put("role", "assistant");
                    if (a.text() == null || a.text().isEmpty()) {
                        m.putNull("content");
                    } else {
                        m.put("content", a.text());
                    }
                    if (!a.calls().isEmpty()) {
                        ArrayNode calls = m.putArray("tool_calls");
                        for (ToolCall c : a.calls()) {
                            calls.addObject().put("id", c.id()).put("type", "function").putObject("function")
                                    .put("name", c.name()).put("arguments", json(c.arguments()));
                        }
                    }
                }
                case ToolResult r -> m.put("role", "tool").put("tool_call_id", r.callId()).put("content", r.text());
            }
        }
        if (!tools.isEmpty()) {
            ArrayNode ts = body.putArray("tools");
            for (Tool t : tools) {
                ObjectNode f = ts.addObject().put("type", "function").putObject("function");
                f.put("name", t.name()).put("description", t.description()).set("parameters", tree(t.parameters()));
            }
        }
        JsonNode reply;
        try {
            reply = http.post(uri, body, key.isBlank() ? Map.of() : Map.of("Authorization", "Bearer " + key),
                    timeout);
        } catch (Problem p) {
            if (!tools.isEmpty() && p.getMessage().contains("HTTP 400") && NO_TOOLS.matcher(p.getMessage()).find()) {
                throw new ToolsNotSupported(p.getMessage());
            }
            throw p;
        }
        JsonNode message = reply.path("choices").path(0).path("message");
        if (message.isMissingNode()) {
            throw new Problem(Problem.Kind.UPSTREAM, "The OpenAI-compatible server answered without a message");
        }
        List<ToolCall> calls = new ArrayList<>();
        for (JsonNode c : message.path("tool_calls")) {
            calls.add(new ToolCall(c.path("id").asText(), c.path("function").path("name").asText(),
                    arguments(c.path("function").path("arguments").asText("{}"))));
        }
        return new Answer(message.path("content").asText(""), calls, reply.path("usage").path("prompt_tokens")
                .asLong(0), reply.path("usage").path("completion_tokens").asLong(0));
    }

    static String json(Map<String, Object> m) {
        try {
            return JSON.writeValueAsString(m);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("a tool's parameters are not JSON", e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> arguments(String json) {
        try {
            Object v = JSON.readValue(json, Object.class);
            return v instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        } catch (IOException e) {
            throw new Problem(Problem.Kind.UPSTREAM, "The model's tool call arguments are not JSON");
        }
    }
}

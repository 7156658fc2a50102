package dev.voxloop.intent.ollama;

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

/**
 * Tool calling over Ollama's {@code POST /api/chat} ({@code stream: false}): {@code tools} as functions, the
 * model's {@code message.tool_calls} (arguments as an object) back, tool results as {@code role: tool} messages,
 * usage from {@code prompt_eval_count}/{@code eval_count}. A model without tool support (Ollama answers 400
 * "... does not support tools") raises {@link ToolChat.ToolsNotSupported}.
 */
public final class OllamaToolChat implements ToolChat {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI uri;
    private final String model;
    private final Duration timeout;
    private final JsonPost http;

    public OllamaToolChat(String url, String model, Duration timeout) {
        this.uri = URI.create(url.replaceAll("/+$", "") + "/api/chat");
        this.model = model;
        this.timeout = timeout;
        this.http = new JsonPost("Ollama", Duration.ofSeconds(10));
    }

    @Override
    public String name() {
        return "ollama";
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
                    m.put("role", "assistant").put("content", a.text() == null ? "" : a.text());
                    if (!a.calls().isEmpty()) {
                        ArrayNode calls = m.putArray("tool_calls");
                        for (ToolCall c : a.calls()) {
                            ObjectNode f = calls.addObject().putObject("function").put("name", c.name());
                            f.set("arguments", JSON.valueToTree(c.arguments()));
                        }
                    }
                }
                case ToolResult r -> m.put("role", "tool").put("content", r.text());
            }
        }
        if (!tools.isEmpty()) {
            ArrayNode ts = body.putArray("tools");
            for (Tool t : tools) {
                ObjectNode f = ts.addObject().put("type", "function").putObject("function");
                f.put("name", t.name()).put("description", t.description());
                try {
                    f.set("parameters", JSON.readTree(t.parameters()));
                } catch (IOException ex) {
                    throw new IllegalArgumentException("a tool's parameters are not JSON", ex);
                }
            }
        }
        body.put("stream", false);
        JsonNode reply;
        try {
            reply = http.post(uri, body, Map.of(), timeout);
        } catch (Problem p) {
            if (!tools.isEmpty() && p.getMessage().contains("does not support tools")) {
                throw new ToolsNotSupported(p.getMessage());
            }
            throw p;
        }
        if (reply.has("error")) {
            throw new Problem(Problem.Kind.UPSTREAM, "Ollama: " + reply.path("error").asText());
        }
        JsonNode message = reply.path("message");
        List<ToolCall> calls = new ArrayList<>();
        int i = 0;
        for (JsonNode c : message.path("tool_calls")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> args = c.path("function").path("arguments").isObject()
                    ? JSON.convertValue(c.path("function").path("arguments"), Map.class) : Map.of();
            calls.add(new ToolCall("call_" + (++i), c.path("function").path("name").asText(), args));
        }
        return new Answer(message.path("content").asText(""), calls, reply.path("prompt_eval_count").asLong(0),
                reply.path("eval_count").asLong(0));
    }
}

package dev.voxloop.peers.ollama;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import dev.voxloop.peers.ModelPeer;
import dev.voxloop.peers.Reply;
import dev.voxloop.peers.contract.OpenApiContract;
import dev.voxloop.peers.openai.ChatCompletionsPeer;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An Ollama server: {@code POST /api/chat} (not streamed) with scripted answers ({@code message.content},
 * {@code message.tool_calls} with object arguments, {@code prompt_eval_count}/{@code eval_count}), plus
 * {@code GET /api/tags} and {@code /api/version}. Every request is validated against
 * shared/contracts/ollama/openapi.yaml. Ollama needs no key. {@link #withoutToolSupport()} answers a request
 * offering tools as Ollama does for a model without tool support (400, "... does not support tools").
 */
public final class OllamaPeer extends ModelPeer {

    private final OpenApiContract contract;
    private final String model;

    public OllamaPeer(String model) {
        super("");
        this.model = model;
        this.contract = OpenApiContract.load("ollama/openapi.yaml", Map.of("/api/chat", List.of("post"),
                "/api/tags", List.of("get"), "/api/version", List.of("get")));
    }

    public static OllamaPeer start() {
        return new OllamaPeer("qwen3-coder:30b");
    }

    public OllamaPeer withoutToolSupport() {
        dropToolSupport();
        return this;
    }

    @Override
    protected boolean authorized(HttpExchange ex) {
        return true;
    }

    @Override
    protected String unauthorizedBody() {
        return "{\"error\":\"unauthorized\"}";
    }

    @Override
    protected void handle(HttpExchange ex, Received r, String raw) throws IOException {
        String route = r.method() + " " + r.path();
        if (!route.equals("POST /api/chat") && !route.equals("GET /api/tags") && !route.equals("GET /api/version")) {
            violation(route + " is not served");
            send(ex, 404, "application/json", "{\"error\":\"not found\"}");
            return;
        }
        List<String> problems = contract.validate(r.method(), r.path(), r.headers(), raw);
        problems.forEach(this::violation);
        if (!problems.isEmpty()) {
            send(ex, 400, "application/json", JSON.createObjectNode().put("error", problems.get(0)).toString());
            return;
        }
        switch (route) {
            case "GET /api/version" -> send(ex, 200, "application/json", "{\"version\":\"0.12.0\"}");
            case "GET /api/tags" -> {
                ObjectNode n = JSON.createObjectNode();
                n.putArray("models").addObject().put("name", model).put("model", model)
                        .put("modified_at", "2026-11-01T00:00:00Z").put("size", 1).put("digest", "0");
                send(ex, 200, "application/json", n.toString());
            }
            default -> chat(ex, r.body());
        }
    }

    private void chat(HttpExchange ex, JsonNode body) throws IOException {
        if (body.path("stream").asBoolean(true)) {
            violation("this peer answers only \"stream\": false chats (Ollama streams by default)");
        }
        if (!body.path("model").asText().equals(model)) {
            send(ex, 404, "application/json", "{\"error\":\"model '" + body.path("model").asText() + "' not found\"}");
            return;
        }
        if (!toolSupport() && body.has("tools")) {
            send(ex, 400, "application/json", "{\"error\":\"registry.ollama.ai/library/" + model
                    + " does not support tools\"}");
            return;
        }
        Reply reply = next(body, ChatCompletionsPeer.latestInputOf(body.path("messages")), Reply.text("(the script has ended)"));
        ObjectNode n = JSON.createObjectNode();
        n.put("model", model);
        n.put("created_at", Instant.now().toString());
        ObjectNode message = n.putObject("message");
        message.put("role", "assistant");
        message.put("content", reply.allText());
        if (reply.callsTools()) {
            var calls = message.putArray("tool_calls");
            for (Reply.Part p : reply.parts()) {
                if (p instanceof Reply.ToolCall c) {
                    ObjectNode f = calls.addObject().putObject("function");
                    f.put("name", c.name());
                    f.set("arguments", JSON.valueToTree(c.input()));
                }
            }
        }
        n.put("done", true);
        n.put("done_reason", "stop");
        n.put("prompt_eval_count", reply.inputTokens());
        n.put("eval_count", reply.outputTokens());
        send(ex, 200, "application/json", n.toString());
    }
}

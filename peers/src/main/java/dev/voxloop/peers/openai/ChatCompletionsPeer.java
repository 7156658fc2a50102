package dev.voxloop.peers.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import dev.voxloop.peers.ModelPeer;
import dev.voxloop.peers.Reply;
import dev.voxloop.peers.contract.OpenApiContract;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An OpenAI-compatible chat completions server ({@code POST /v1/chat/completions}, not streamed): scripted answers
 * with {@code content} and {@code tool_calls}, usage in {@code prompt_tokens}/{@code completion_tokens}. Every
 * request is validated against shared/contracts/openai/openai.subset.openapi.json. {@link #withoutToolSupport()}
 * makes it a model that cannot call tools: a request offering tools is refused with 400, as such servers do.
 */
public final class ChatCompletionsPeer extends ModelPeer {

    private final OpenApiContract contract;

    public ChatCompletionsPeer(String key) {
        super(key);
        this.contract = OpenApiContract.load("openai/openai.subset.openapi.json",
                Map.of("/chat/completions", List.of("post")));
    }

    public static ChatCompletionsPeer start() {
        return new ChatCompletionsPeer("sk-peer-" + UUID.randomUUID().toString().substring(0, 8));
    }

    public String baseUrl() {
        return origin() + "/v1";
    }

    public ChatCompletionsPeer withoutToolSupport() {
        dropToolSupport();
        return this;
    }

    @Override
    protected boolean authorized(HttpExchange ex) {
        return ("Bearer " + key()).equals(header(ex, "Authorization"));
    }

    @Override
    protected String unauthorizedBody() {
        return ResponsesPeer.error(401, "invalid_request_error", "Incorrect API key provided").body();
    }

    @Override
    protected void handle(HttpExchange ex, Received r, String raw) throws IOException {
        if (!r.method().equals("POST") || !r.path().equals("/v1/chat/completions")) {
            violation(r.method() + " " + r.path() + " is not served (only POST /v1/chat/completions)");
            send(ex, 404, "application/json", ResponsesPeer.error(404, "invalid_request_error", "no such path").body());
            return;
        }
        List<String> problems = contract.validate("POST", "/chat/completions", r.headers(), raw);
        problems.forEach(this::violation);
        if (!problems.isEmpty()) {
            send(ex, 400, "application/json", ResponsesPeer.error(400, "invalid_request_error", problems.get(0)).body());
            return;
        }
        if (r.body().path("stream").asBoolean(false)) {
            violation("this peer answers only non-streamed chat completions");
        }
        if (!toolSupport() && r.body().has("tools")) {
            send(ex, 400, "application/json", ResponsesPeer.error(400, "invalid_request_error",
                    "this model does not support tools").body());
            return;
        }
        Reply reply = next(r.body(), latestInputOf(r.body().path("messages")), Reply.text("(the script has ended)"));
        send(ex, 200, "application/json", completion(r.body().path("model").asText(), reply).toString());
    }

    /** The messages after the last assistant message, as text. */
    public static String latestInputOf(JsonNode messages) {
        int last = messages.size() - 1;
        while (last >= 0 && !messages.get(last).path("role").asText().equals("assistant")) {
            last--;
        }
        StringBuilder b = new StringBuilder();
        for (int i = last + 1; i < messages.size(); i++) {
            JsonNode c = messages.get(i).path("content");
            if (c.isTextual()) {
                b.append(c.asText());
            } else {
                c.forEach(part -> b.append(part.path("text").asText("")));
            }
            b.append('\n');
        }
        return b.toString();
    }

    private static ObjectNode completion(String model, Reply reply) throws IOException {
        ObjectNode n = JSON.createObjectNode();
        n.put("id", "chatcmpl-" + UUID.randomUUID().toString().substring(0, 12));
        n.put("object", "chat.completion");
        n.put("created", System.currentTimeMillis() / 1000);
        n.put("model", model);
        ObjectNode choice = n.putArray("choices").addObject();
        choice.put("index", 0);
        choice.put("finish_reason", reply.callsTools() ? "tool_calls" : "stop");
        ObjectNode message = choice.putObject("message");
        message.put("role", "assistant");
        String text = reply.allText();
        if (text.isEmpty()) {
            message.putNull("content");
        } else {
            message.put("content", text);
        }
        message.putNull("refusal");
        if (reply.callsTools()) {
            var calls = message.putArray("tool_calls");
            for (Reply.Part p : reply.parts()) {
                if (p instanceof Reply.ToolCall c) {
                    ObjectNode call = calls.addObject().put("id", c.id()).put("type", "function");
                    call.putObject("function").put("name", c.name()).put("arguments", JSON.writeValueAsString(c.input()));
                }
            }
        }
        ObjectNode usage = n.putObject("usage");
        usage.put("prompt_tokens", reply.inputTokens());
        usage.put("completion_tokens", reply.outputTokens());
        usage.put("total_tokens", reply.inputTokens() + reply.outputTokens());
        return n;
    }
}

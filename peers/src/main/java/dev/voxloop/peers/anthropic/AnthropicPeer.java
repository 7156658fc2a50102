package dev.voxloop.peers.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import dev.voxloop.peers.ModelPeer;
import dev.voxloop.peers.Reply;
import java.io.IOException;
import java.util.List;
import java.util.UUID;

/**
 * The Anthropic Messages API as Claude Code uses it ({@code ANTHROPIC_BASE_URL} = {@link #origin()}):
 * {@code POST /v1/messages} streamed as server-sent events ({@code message_start}, per block
 * {@code content_block_start} / {@code content_block_delta} ({@code text_delta} or {@code input_json_delta}) /
 * {@code content_block_stop}, {@code message_delta} with the stop reason and usage, {@code message_stop}) or as one
 * JSON message; {@code POST /v1/messages/count_tokens}; any GET answered {@code {}}. Requests of the agent's main
 * loop (those offering a {@code Bash} tool, or {@code Read} to a read-only reviewer) are answered from the script;
 * side requests (titles, summaries) get a short text. Every request is checked against {@link MessagesContract}.
 */
public final class AnthropicPeer extends ModelPeer {

    public AnthropicPeer(String key) {
        super(key);
    }

    public static AnthropicPeer start() {
        return new AnthropicPeer("sk-ant-peer-" + UUID.randomUUID().toString().substring(0, 8));
    }

    /** The error body the API sends with a status, e.g. 401 authentication_error. */
    public static Failure error(int status, String type, String message) {
        ObjectNode n = JSON.createObjectNode();
        n.put("type", "error");
        n.putObject("error").put("type", type).put("message", message);
        return new Failure(status, n.toString());
    }

    @Override
    protected boolean authorized(HttpExchange ex) {
        String auth = header(ex, "Authorization");
        return key().equals(header(ex, "x-api-key")) || ("Bearer " + key()).equals(auth);
    }

    @Override
    protected String unauthorizedBody() {
        return error(401, "authentication_error", "invalid x-api-key").body();
    }

    @Override
    protected void handle(HttpExchange ex, Received r, String raw) throws IOException {
        if (r.method().equals("GET") || r.method().equals("HEAD")) {
            send(ex, 200, "application/json", "{}");
            return;
        }
        boolean beta = "beta=true".equals(ex.getRequestURI().getQuery());
        if (!r.path().equals("/v1/messages") && !r.path().equals("/v1/messages/count_tokens")) {
            violation("POST " + r.path() + " is not a Messages API path");
            send(ex, 404, "application/json", error(404, "not_found_error", "no such path").body());
            return;
        }
        List<String> problems = MessagesContract.check(r.path(), beta, r.headers(), r.body());
        problems.forEach(this::violation);
        if (!problems.isEmpty()) {
            send(ex, 400, "application/json", error(400, "invalid_request_error", problems.get(0)).body());
            return;
        }
        if (r.path().endsWith("/count_tokens")) {
            send(ex, 200, "application/json", "{\"input_tokens\":" + Math.max(1, raw.length() / 4) + "}");
            return;
        }
        Reply reply = mainLoop(r.body()) ? next(r.body(), latestInput(r.body()), Reply.text("(the script has ended)"))
                : Reply.text("OK").usage(40, 5);
        if (r.body().path("stream").asBoolean(false)) {
            stream(ex, r.body().path("model").asText(), reply);
        } else {
            send(ex, 200, "application/json", message(r.body().path("model").asText(), reply, true).toString());
        }
    }

    /** The agent's own turns offer its tools: Bash to a coding agent, Read alone to a read-only reviewer. */
    private static boolean mainLoop(JsonNode body) {
        for (JsonNode t : body.path("tools")) {
            String name = t.path("name").asText();
            if (name.equals("Bash") || name.equals("Read")) {
                return true;
            }
        }
        return false;
    }

    /** Everything after the last assistant message: tool results, prompts, hook feedback. */
    static String latestInput(JsonNode body) {
        JsonNode ms = body.path("messages");
        int last = ms.size() - 1;
        while (last >= 0 && !ms.get(last).path("role").asText().equals("assistant")) {
            last--;
        }
        StringBuilder b = new StringBuilder();
        for (int i = last + 1; i < ms.size(); i++) {
            text(ms.get(i).path("content"), b);
        }
        return b.toString();
    }

    private static void text(JsonNode content, StringBuilder b) {
        if (content.isTextual()) {
            b.append(content.asText()).append('\n');
        } else if (content.isArray()) {
            for (JsonNode block : content) {
                if (block.has("text")) {
                    b.append(block.path("text").asText()).append('\n');
                }
                if (block.has("content")) {
                    text(block.get("content"), b);
                }
            }
        }
    }

    private static ObjectNode message(String model, Reply reply, boolean complete) {
        ObjectNode m = JSON.createObjectNode();
        m.put("id", "msg_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20));
        m.put("type", "message");
        m.put("role", "assistant");
        m.put("model", model);
        var content = m.putArray("content");
        if (complete) {
            for (Reply.Part p : reply.parts()) {
                content.add(block(p, true));
            }
        }
        m.put("stop_reason", complete ? stopReason(reply) : null);
        m.putNull("stop_sequence");
        ObjectNode usage = m.putObject("usage");
        usage.put("input_tokens", reply.inputTokens());
        usage.put("output_tokens", complete ? reply.outputTokens() : 1);
        usage.put("cache_creation_input_tokens", 0);
        usage.put("cache_read_input_tokens", 0);
        return m;
    }

    private static String stopReason(Reply reply) {
        return reply.callsTools() ? "tool_use" : "end_turn";
    }

    private static ObjectNode block(Reply.Part p, boolean complete) {
        ObjectNode b = JSON.createObjectNode();
        switch (p) {
            case Reply.Text t -> b.put("type", "text").put("text", complete ? t.text() : "");
            case Reply.ToolCall c -> {
                b.put("type", "tool_use").put("id", "toolu_" + c.id()).put("name", c.name());
                b.set("input", complete ? JSON.valueToTree(c.input()) : JSON.createObjectNode());
            }
            case Reply.Freeform f -> throw new IllegalArgumentException("the Messages API has no free-form tool calls: "
                    + f.name());
        }
        return b;
    }

    private static void stream(HttpExchange ex, String model, Reply reply) throws IOException {
        try (EventStream s = new EventStream(ex)) {
            ObjectNode start = JSON.createObjectNode().put("type", "message_start");
            start.set("message", message(model, reply, false));
            s.event("message_start", start);
            int i = 0;
            for (Reply.Part p : reply.parts()) {
                ObjectNode bs = JSON.createObjectNode().put("type", "content_block_start").put("index", i);
                bs.set("content_block", block(p, false));
                s.event("content_block_start", bs);
                ObjectNode delta = JSON.createObjectNode();
                if (p instanceof Reply.Text t) {
                    delta.put("type", "text_delta").put("text", t.text());
                } else if (p instanceof Reply.ToolCall c) {
                    delta.put("type", "input_json_delta").put("partial_json", JSON.writeValueAsString(c.input()));
                }
                ObjectNode bd = JSON.createObjectNode().put("type", "content_block_delta").put("index", i);
                bd.set("delta", delta);
                s.event("content_block_delta", bd);
                s.event("content_block_stop", JSON.createObjectNode().put("type", "content_block_stop")
                        .put("index", i));
                i++;
            }
            ObjectNode md = JSON.createObjectNode().put("type", "message_delta");
            md.putObject("delta").put("stop_reason", stopReason(reply)).putNull("stop_sequence");
            md.putObject("usage").put("output_tokens", reply.outputTokens());
            s.event("message_delta", md);
            s.event("message_stop", JSON.createObjectNode().put("type", "message_stop"));
        }
    }
}

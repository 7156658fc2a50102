package dev.voxloop.peers.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
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
 * The OpenAI Responses API as Codex CLI uses it through its provider configuration ({@code base_url} =
 * {@link #baseUrl()}, {@code wire_api = "responses"}): {@code POST /v1/responses} with {@code stream: true},
 * answered as server-sent events ({@code response.created}, per output item {@code response.output_item.added} and
 * {@code .done}, {@code response.completed} with usage). Tool calls become {@code function_call} items (arguments
 * as a JSON string) or {@code custom_tool_call} items (Codex's free-form {@code apply_patch}). Every request is
 * validated against {@code POST /responses} of shared/contracts/openai/openai.openapi.yaml after removing the
 * fields Codex 0.171 sends that the contract (2026-08) does not describe: the top-level {@code client_metadata},
 * {@code id} on input {@code message} items of the developer and user, and {@code external_web_access} / {@code search_content_types} of
 * its {@code web_search} tool. Nothing else is relaxed.
 */
public final class ResponsesPeer extends ModelPeer {

    private static final Map<String, List<String>> PATHS = Map.of("/responses", List.of("post"));

    private final OpenApiContract contract;

    public ResponsesPeer(String key) {
        super(key);
        this.contract = OpenApiContract.load("openai/openai.openapi.yaml", PATHS);
    }

    public static ResponsesPeer start() {
        return new ResponsesPeer("sk-peer-" + UUID.randomUUID().toString().substring(0, 8));
    }

    /** What a provider's {@code base_url} is set to. */
    public String baseUrl() {
        return origin() + "/v1";
    }

    public static Failure error(int status, String type, String message) {
        ObjectNode n = JSON.createObjectNode();
        n.putObject("error").put("message", message).put("type", type).putNull("param").putNull("code");
        return new Failure(status, n.toString());
    }

    @Override
    protected boolean authorized(HttpExchange ex) {
        return ("Bearer " + key()).equals(header(ex, "Authorization"));
    }

    @Override
    protected String unauthorizedBody() {
        return error(401, "invalid_request_error", "Incorrect API key provided").body();
    }

    @Override
    protected void handle(HttpExchange ex, Received r, String raw) throws IOException {
        if (!r.method().equals("POST") || !r.path().equals("/v1/responses")) {
            violation(r.method() + " " + r.path() + " is not served (only POST /v1/responses)");
            send(ex, 404, "application/json", error(404, "invalid_request_error", "no such path").body());
            return;
        }
        List<String> problems = contract.validate("POST", "/responses", r.headers(),
                JSON.writeValueAsString(withoutCodexExtensions(r.body())));
        problems.forEach(this::violation);
        if (!problems.isEmpty()) {
            send(ex, 400, "application/json", error(400, "invalid_request_error", problems.get(0)).body());
            return;
        }
        Reply reply = next(r.body(), latestInput(r.body()), Reply.text("(the script has ended)"));
        stream(ex, r.body().path("model").asText(), reply);
    }

    static JsonNode withoutCodexExtensions(JsonNode body) {
        ObjectNode b = body.deepCopy();
        b.remove("client_metadata");
        for (JsonNode item : b.path("input")) {
            if (item instanceof ObjectNode o && "message".equals(o.path("type").asText())
                    && !"assistant".equals(o.path("role").asText())) {
                o.remove("id");
            }
        }
        for (JsonNode tool : b.path("tools")) {
            if (tool instanceof ObjectNode o && "web_search".equals(o.path("type").asText())) {
                o.remove("external_web_access");
                o.remove("search_content_types");
            }
        }
        return b;
    }

    /** The input items after the last one the model produced: tool outputs, the prompt, hook feedback. */
    static String latestInput(JsonNode body) {
        JsonNode input = body.path("input");
        if (input.isTextual()) {
            return input.asText();
        }
        int last = input.size() - 1;
        while (last >= 0 && !producedByModel(input.get(last))) {
            last--;
        }
        StringBuilder b = new StringBuilder();
        for (int i = last + 1; i < input.size(); i++) {
            JsonNode item = input.get(i);
            if (item.has("output")) {
                b.append(item.path("output").isTextual() ? item.path("output").asText() : item.path("output").toString());
            }
            for (JsonNode c : item.path("content")) {
                b.append(c.path("text").asText(""));
            }
            if (item.path("content").isTextual()) {
                b.append(item.path("content").asText());
            }
            b.append('\n');
        }
        return b.toString();
    }

    private static boolean producedByModel(JsonNode item) {
        String type = item.path("type").asText("");
        return type.equals("function_call") || type.equals("custom_tool_call") || type.equals("reasoning")
                || (type.equals("message") && item.path("role").asText().equals("assistant"));
    }

    private static void stream(HttpExchange ex, String model, Reply reply) throws IOException {
        String id = "resp_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
        try (EventStream s = new EventStream(ex)) {
            int seq = 0;
            s.event("response.created", JSON.createObjectNode().put("type", "response.created")
                    .put("sequence_number", seq++).set("response", response(id, model, "in_progress",
                            JSON.createArrayNode(), null)));
            ArrayNode output = JSON.createArrayNode();
            int index = 0;
            for (Reply.Part p : reply.parts()) {
                ObjectNode item = item(p, index);
                output.add(item);
                s.event("response.output_item.added", JSON.createObjectNode().put("type", "response.output_item.added")
                        .put("sequence_number", seq++).put("output_index", index).set("item", item));
                s.event("response.output_item.done", JSON.createObjectNode().put("type", "response.output_item.done")
                        .put("sequence_number", seq++).put("output_index", index).set("item", item));
                index++;
            }
            ObjectNode usage = JSON.createObjectNode();
            usage.put("input_tokens", reply.inputTokens());
            usage.putObject("input_tokens_details").put("cached_tokens", 0);
            usage.put("output_tokens", reply.outputTokens());
            usage.putObject("output_tokens_details").put("reasoning_tokens", 0);
            usage.put("total_tokens", reply.inputTokens() + reply.outputTokens());
            s.event("response.completed", JSON.createObjectNode().put("type", "response.completed")
                    .put("sequence_number", seq).set("response", response(id, model, "completed", output, usage)));
        }
    }

    private static ObjectNode response(String id, String model, String status, ArrayNode output, ObjectNode usage) {
        ObjectNode r = JSON.createObjectNode();
        r.put("id", id).put("object", "response").put("created_at", System.currentTimeMillis() / 1000)
                .put("status", status).put("model", model);
        r.set("output", output);
        if (usage != null) {
            r.set("usage", usage);
        }
        return r;
    }

    private static ObjectNode item(Reply.Part p, int index) {
        ObjectNode item = JSON.createObjectNode();
        switch (p) {
            case Reply.Text t -> {
                item.put("type", "message").put("id", "msg_" + index + UUID.randomUUID().toString().substring(0, 8))
                        .put("status", "completed").put("role", "assistant");
                item.putArray("content").addObject().put("type", "output_text").put("text", t.text())
                        .putArray("annotations");
                ((ObjectNode) item.path("content").get(0)).putArray("logprobs");
            }
            case Reply.ToolCall c -> {
                try {
                    item.put("type", "function_call").put("id", "fc_" + c.id()).put("status", "completed")
                            .put("call_id", c.id()).put("name", c.name())
                            .put("arguments", JSON.writeValueAsString(c.input()));
                } catch (IOException e) {
                    throw new IllegalArgumentException(e);
                }
            }
            case Reply.Freeform f -> item.put("type", "custom_tool_call").put("id", "ctc_" + f.id())
                    .put("call_id", f.id()).put("name", f.name()).put("input", f.input());
        }
        return item;
    }
}

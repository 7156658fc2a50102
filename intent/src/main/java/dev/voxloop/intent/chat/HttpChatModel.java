package dev.voxloop.intent.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.voxloop.core.chat.ChatModel;
import dev.voxloop.core.problem.Problem;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What every chat API over HTTP shares: one endpoint reached through {@link JsonPost} (connect timeout = the
 * request timeout, between 1 and 10 s), a request body of the model, the messages and the offered tools (as
 * functions), and an answer message whose {@code content} is the text and whose {@code tool_calls} are the calls.
 * A client for one more API (a new package beside {@code ollama} and {@code openai}) says how its request differs
 * ({@link #shape}), how it writes a tool call and its result ({@link #putCalls}, {@link #putResult}), where the
 * answer message and the token counts are ({@link #message}, {@link #usage}) and how it refuses tools.
 */
public abstract class HttpChatModel implements ChatModel {

    protected static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final String service;
    private final URI uri;
    private final String model;
    private final Duration timeout;
    private final JsonPost http;

    /**
     * @param name    the short name, e.g. "ollama"
     * @param service the server as messages call it, e.g. "Ollama"
     * @param model   the model the server is asked for
     */
    protected HttpChatModel(String name, String service, URI uri, String model, Duration timeout) {
        this.name = name;
        this.service = service;
        this.uri = uri;
        this.model = model;
        this.timeout = timeout;
        this.http = new JsonPost(service, Duration.ofSeconds(Math.min(10, Math.max(1, timeout.toSeconds()))));
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String complete(List<Message> messages, Schema schema) {
        JsonNode content = message(post(messages, schema, List.of())).path("content");
        if (!content.isTextual()) {
            throw new Problem(Problem.Kind.UPSTREAM, service + " answered without " + contentPath());
        }
        return content.asText();
    }

    @Override
    public final Answer next(List<Message> conversation, List<Tool> tools) {
        JsonNode reply;
        try {
            reply = post(conversation, null, tools);
        } catch (Problem p) {
            if (!tools.isEmpty() && refusesTools(p)) {
                throw new ToolsNotSupported(p.getMessage());
            }
            throw p;
        }
        JsonNode message = message(reply);
        Usage usage = usage(reply);
        return new Answer(message.path("content").asText(""), calls(message), usage.input(), usage.output());
    }

    private JsonNode post(List<Message> messages, Schema schema, List<Tool> tools) {
        ObjectNode body = JSON.createObjectNode();
        body.put("model", model);
        ArrayNode ms = body.putArray("messages");
        for (Message m : messages) {
            ObjectNode out = ms.addObject();
            switch (m) {
                case Message.System s -> out.put("role", "system").put("content", s.text());
                case Message.User u -> out.put("role", "user").put("content", u.text());
                case Message.Assistant a -> {
                    out.put("role", "assistant");
                    if (a.calls().isEmpty()) {
                        out.put("content", a.text() == null ? "" : a.text());
                    } else {
                        putCalls(out, a);
                    }
                }
                case Message.ToolResult r -> putResult(out.put("role", "tool").put("content", r.text()), r);
            }
        }
        if (!tools.isEmpty()) {
            ArrayNode ts = body.putArray("tools");
            for (Tool t : tools) {
                ts.addObject().put("type", "function").putObject("function").put("name", t.name())
                        .put("description", t.description()).set("parameters", tree(t.parameters(), t.name()));
            }
        }
        shape(body, schema);
        return http.post(uri, body, headers(), timeout);
    }

    /** Calls as every chat API sends them: an id (made up where the API gives none), a name, arguments. */
    private static List<ToolCall> calls(JsonNode message) {
        List<ToolCall> calls = new ArrayList<>();
        for (JsonNode c : message.path("tool_calls")) {
            JsonNode f = c.path("function");
            String id = c.path("id").asText("");
            calls.add(new ToolCall(id.isEmpty() ? "call_" + (calls.size() + 1) : id, f.path("name").asText(),
                    arguments(f.path("arguments"))));
        }
        return calls;
    }

    /** Arguments come as an object (Ollama) or as JSON text (OpenAI). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> arguments(JsonNode args) {
        try {
            JsonNode tree = args.isTextual() ? JSON.readTree(args.asText("{}")) : args;
            return tree != null && tree.isObject() ? JSON.convertValue(tree, Map.class) : Map.of();
        } catch (IOException e) {
            throw new Problem(Problem.Kind.UPSTREAM, "The model's tool call arguments are not JSON");
        }
    }

    /** Adds this API's own fields to a body holding {@code model}, {@code messages} and any tools; schema may be null. */
    protected abstract void shape(ObjectNode body, Schema schema);

    /** Writes an assistant message's text and its tool calls in this API's form. */
    protected abstract void putCalls(ObjectNode message, Message.Assistant a);

    /** Adds what this API needs to a tool message (role and content are written) to tie it to its call. */
    protected abstract void putResult(ObjectNode message, Message.ToolResult r);

    /** The answer message in the server's reply, or a {@link Problem} saying why there is none. */
    protected abstract JsonNode message(JsonNode reply);

    /** Where the answer's text sits, for the message when it is missing, e.g. "message.content". */
    protected abstract String contentPath();

    /** The tokens the server counted (0 where it does not say). */
    protected abstract Usage usage(JsonNode reply);

    /** Tokens of one request: the prompt's and the answer's. */
    public record Usage(long input, long output) {
    }

    /** True when the server's refusal says this model cannot call tools. */
    protected abstract boolean refusesTools(Problem p);

    /** Headers for every request (credentials); none unless overridden. */
    protected Map<String, String> headers() {
        return Map.of();
    }

    /** The schema's JSON text as a tree, to place in a request. */
    protected static JsonNode tree(Schema schema) {
        return tree(schema.json(), schema.name());
    }

    private static JsonNode tree(String json, String what) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("the schema '" + what + "' is not JSON", e);
        }
    }

    /** A base URL without trailing slashes, with {@code path} appended. */
    protected static URI endpoint(Object base, String path) {
        return URI.create(String.valueOf(base).replaceAll("/+$", "") + path);
    }
}

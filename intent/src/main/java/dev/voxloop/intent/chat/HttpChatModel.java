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
import java.util.List;
import java.util.Map;

/**
 * What every chat API over HTTP shares: one endpoint reached through {@link JsonPost} (connect timeout = the
 * request timeout, between 1 and 10 s), a request body that starts with the model and the messages, and an answer
 * whose text sits at an API-specific place. A client for one more API (a new package beside {@code ollama} and
 * {@code openai}) says only how its request differs ({@link #shape}) and where its answer is ({@link #answer}).
 */
public abstract class HttpChatModel implements ChatModel {

    private static final ObjectMapper JSON = new ObjectMapper();

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
        ObjectNode body = JSON.createObjectNode();
        body.put("model", model);
        ArrayNode ms = body.putArray("messages");
        for (Message m : messages) {
            ms.addObject().put("role", m.role().wire()).put("content", m.content());
        }
        shape(body, schema);
        return answer(http.post(uri, body, headers(), timeout));
    }

    /** Adds this API's own fields to a body holding {@code model} and {@code messages}; schema may be null. */
    protected abstract void shape(ObjectNode body, Schema schema);

    /** The answer's text from the server's reply, or a {@link Problem} saying why there is none. */
    protected abstract String answer(JsonNode reply);

    /** Headers for every request (credentials); none unless overridden. */
    protected Map<String, String> headers() {
        return Map.of();
    }

    /** The schema's JSON text as a tree, to place in a request. */
    protected static JsonNode tree(Schema schema) {
        try {
            return JSON.readTree(schema.json());
        } catch (IOException e) {
            throw new IllegalArgumentException("the answer schema '" + schema.name() + "' is not JSON", e);
        }
    }

    /** The text of {@code content}, or UPSTREAM saying the answer had none at {@code path}. */
    protected final String text(JsonNode content, String path) {
        if (!content.isTextual()) {
            throw new Problem(Problem.Kind.UPSTREAM, service + " answered without " + path);
        }
        return content.asText();
    }
}

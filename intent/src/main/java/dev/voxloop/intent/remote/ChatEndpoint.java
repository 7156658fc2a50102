package dev.voxloop.intent.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.voxloop.core.problem.Problem;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What every chat API call shares: one endpoint reached through {@link JsonPost} (connect timeout = the request
 * timeout, between 1 and 10 s), a request body starting with the model and the messages, and the answer's text.
 */
public final class ChatEndpoint {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String service;
    private final URI uri;
    private final Duration timeout;
    private final JsonPost http;

    /** @param service name used in messages, e.g. "Ollama" */
    public ChatEndpoint(String service, URI uri, Duration timeout) {
        this.service = service;
        this.uri = uri;
        this.timeout = timeout;
        this.http = new JsonPost(service, Duration.ofSeconds(Math.min(10, Math.max(1, timeout.toSeconds()))));
    }

    /** A request body holding {@code model} and {@code messages}; the caller adds its API's own fields. */
    public ObjectNode body(String model, List<ChatModel.Message> messages) {
        ObjectNode body = JSON.createObjectNode();
        body.put("model", model);
        ArrayNode ms = body.putArray("messages");
        for (ChatModel.Message m : messages) {
            ms.addObject().put("role", m.role()).put("content", m.content());
        }
        return body;
    }

    public JsonNode post(ObjectNode body, Map<String, String> headers) {
        return http.post(uri, body, headers, timeout);
    }

    /** The text of {@code content}, or UPSTREAM saying the answer had none at {@code path}. */
    public String text(JsonNode content, String path) {
        if (!content.isTextual()) {
            throw new Problem(Problem.Kind.UPSTREAM, service + " answered without " + path);
        }
        return content.asText();
    }
}

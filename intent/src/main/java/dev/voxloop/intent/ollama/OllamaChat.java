package dev.voxloop.intent.ollama;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.voxloop.core.problem.Problem;
import dev.voxloop.intent.IntentSettings;
import dev.voxloop.intent.remote.ChatModel;
import dev.voxloop.intent.remote.JsonPost;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Ollama's native chat API: {@code POST /api/chat} with {@code format} set to our JSON schema (structured
 * outputs), {@code options.temperature} 0, {@code options.num_predict} capped (small models in JSON mode can loop),
 * {@code keep_alive}, and {@code stream:false}. The answer is {@code message.content}.
 */
public final class OllamaChat implements ChatModel {

    public static final String NAME = "ollama";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final IntentSettings.Ollama settings;
    private final JsonPost http;
    private final URI endpoint;

    public OllamaChat(IntentSettings.Ollama settings) {
        this.settings = settings;
        this.http = new JsonPost("Ollama", Duration.ofSeconds(Math.min(10, Math.max(1,
                settings.timeout().toSeconds()))));
        this.endpoint = URI.create(settings.url() + "/api/chat");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String complete(List<Message> messages, String schemaName, ObjectNode schema) {
        ObjectNode body = JSON.createObjectNode();
        body.put("model", settings.model());
        ArrayNode ms = body.putArray("messages");
        for (Message m : messages) {
            ms.addObject().put("role", m.role()).put("content", m.content());
        }
        body.set("format", schema);
        ObjectNode options = body.putObject("options");
        options.put("temperature", 0);
        options.put("num_predict", settings.numPredict());
        body.put("keep_alive", settings.keepAlive());
        body.put("stream", false);
        JsonNode answer = http.post(endpoint, body, Map.of(), settings.timeout());
        if (answer.has("error")) {
            throw new Problem(Problem.Kind.UPSTREAM, "Ollama: " + answer.path("error").asText());
        }
        JsonNode content = answer.path("message").path("content");
        if (!content.isTextual()) {
            throw new Problem(Problem.Kind.UPSTREAM, "Ollama answered without message.content");
        }
        return content.asText();
    }
}

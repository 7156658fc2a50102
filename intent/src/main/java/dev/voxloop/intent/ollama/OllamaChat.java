package dev.voxloop.intent.ollama;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.voxloop.core.problem.Problem;
import dev.voxloop.intent.IntentSettings;
import dev.voxloop.intent.remote.ChatEndpoint;
import dev.voxloop.intent.remote.ChatModel;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Ollama's native chat API: {@code POST /api/chat} with {@code format} set to our JSON schema (structured
 * outputs), {@code options.temperature} 0, {@code options.num_predict} capped (small models in JSON mode can loop),
 * {@code keep_alive}, and {@code stream:false}. The answer is {@code message.content}.
 */
public final class OllamaChat implements ChatModel {

    public static final String NAME = "ollama";

    private final IntentSettings.Ollama settings;
    private final ChatEndpoint endpoint;

    public OllamaChat(IntentSettings.Ollama settings) {
        this.settings = settings;
        this.endpoint = new ChatEndpoint("Ollama", URI.create(settings.url() + "/api/chat"), settings.timeout());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String complete(List<Message> messages, String schemaName, ObjectNode schema) {
        ObjectNode body = endpoint.body(settings.model(), messages);
        body.set("format", schema);
        ObjectNode options = body.putObject("options");
        options.put("temperature", 0);
        options.put("num_predict", settings.numPredict());
        body.put("keep_alive", settings.keepAlive());
        body.put("stream", false);
        JsonNode answer = endpoint.post(body, Map.of());
        if (answer.has("error")) {
            throw new Problem(Problem.Kind.UPSTREAM, "Ollama: " + answer.path("error").asText());
        }
        return endpoint.text(answer.path("message").path("content"), "message.content");
    }
}

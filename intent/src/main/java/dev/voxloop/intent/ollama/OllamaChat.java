package dev.voxloop.intent.ollama;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.voxloop.core.problem.Problem;
import dev.voxloop.intent.IntentSettings;
import dev.voxloop.intent.chat.HttpChatModel;
import java.net.URI;

/**
 * Ollama's native chat API: {@code POST /api/chat} with {@code format} set to the answer's JSON schema
 * (structured outputs), {@code options.temperature} 0, {@code options.num_predict} capped (small models in JSON
 * mode can loop), {@code keep_alive}, and {@code stream:false}. The answer is {@code message.content}.
 */
public final class OllamaChat extends HttpChatModel {

    public static final String NAME = "ollama";

    private final IntentSettings.Ollama settings;

    public OllamaChat(IntentSettings.Ollama settings) {
        super(NAME, "Ollama", URI.create(settings.url() + "/api/chat"), settings.model(), settings.timeout());
        this.settings = settings;
    }

    @Override
    protected void shape(ObjectNode body, Schema schema) {
        if (schema != null) {
            body.set("format", tree(schema));
        }
        ObjectNode options = body.putObject("options");
        options.put("temperature", 0);
        options.put("num_predict", settings.numPredict());
        body.put("keep_alive", settings.keepAlive());
        body.put("stream", false);
    }

    @Override
    protected String answer(JsonNode reply) {
        if (reply.has("error")) {
            throw new Problem(Problem.Kind.UPSTREAM, "Ollama: " + reply.path("error").asText());
        }
        return text(reply.path("message").path("content"), "message.content");
    }
}

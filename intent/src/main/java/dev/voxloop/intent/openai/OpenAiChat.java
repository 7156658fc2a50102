package dev.voxloop.intent.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.voxloop.core.problem.Problem;
import dev.voxloop.intent.IntentSettings;
import dev.voxloop.intent.chat.HttpChatModel;
import java.net.URI;
import java.util.Map;

/**
 * OpenAI-compatible chat completions ({@code POST {base}/chat/completions}) with
 * {@code response_format: {type: json_schema, json_schema: {name, description, strict: true, schema}}} and
 * temperature 0. The same client serves OpenAI, vLLM, LM Studio, llama.cpp server and Ollama's {@code /v1}. The
 * key, when set, goes in the Authorization header only.
 */
public final class OpenAiChat extends HttpChatModel {

    public static final String NAME = "openai";

    private final IntentSettings.OpenAi settings;

    public OpenAiChat(IntentSettings.OpenAi settings) {
        super(NAME, "The OpenAI-compatible server", URI.create(settings.baseUrl() + "/chat/completions"),
                settings.model(), settings.timeout());
        this.settings = settings;
    }

    @Override
    protected void shape(ObjectNode body, Schema schema) {
        if (schema != null) {
            ObjectNode format = body.putObject("response_format");
            format.put("type", "json_schema");
            ObjectNode js = format.putObject("json_schema");
            js.put("name", schema.name());
            js.put("description", schema.description());
            js.set("schema", tree(schema));
            js.put("strict", true);
        }
        body.put("temperature", 0);
        body.put("max_tokens", settings.maxTokens());
    }

    @Override
    protected Map<String, String> headers() {
        return settings.apiKey().isBlank() ? Map.of() : Map.of("Authorization", "Bearer " + settings.apiKey());
    }

    @Override
    protected String answer(JsonNode reply) {
        JsonNode message = reply.path("choices").path(0).path("message");
        if (message.hasNonNull("refusal") && !message.path("refusal").asText().isBlank()) {
            throw new Problem(Problem.Kind.UPSTREAM, "The model refused: " + message.path("refusal").asText());
        }
        return text(message.path("content"), "choices[0].message.content");
    }
}

package dev.voxloop.intent.openai;

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
 * OpenAI-compatible chat completions ({@code POST {base}/chat/completions}) with
 * {@code response_format: {type: json_schema, json_schema: {name, strict: true, schema}}} and temperature 0. The
 * same client serves OpenAI, vLLM, LM Studio, llama.cpp server and Ollama's {@code /v1}. The key, when set, goes
 * in the Authorization header only.
 */
public final class OpenAiChat implements ChatModel {

    public static final String NAME = "openai";

    private final IntentSettings.OpenAi settings;
    private final ChatEndpoint endpoint;

    public OpenAiChat(IntentSettings.OpenAi settings) {
        this.settings = settings;
        this.endpoint = new ChatEndpoint("The OpenAI-compatible server",
                URI.create(settings.baseUrl() + "/chat/completions"), settings.timeout());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String complete(List<Message> messages, String schemaName, ObjectNode schema) {
        ObjectNode body = endpoint.body(settings.model(), messages);
        ObjectNode format = body.putObject("response_format");
        format.put("type", "json_schema");
        ObjectNode js = format.putObject("json_schema");
        js.put("name", schemaName);
        js.put("description", "A ticket draft extracted from a spoken feature request");
        js.set("schema", schema);
        js.put("strict", true);
        body.put("temperature", 0);
        body.put("max_tokens", settings.maxTokens());
        Map<String, String> headers = settings.apiKey().isBlank() ? Map.of()
                : Map.of("Authorization", "Bearer " + settings.apiKey());
        JsonNode answer = endpoint.post(body, headers);
        JsonNode message = answer.path("choices").path(0).path("message");
        if (message.hasNonNull("refusal") && !message.path("refusal").asText().isBlank()) {
            throw new Problem(Problem.Kind.UPSTREAM, "The model refused: " + message.path("refusal").asText());
        }
        return endpoint.text(message.path("content"), "choices[0].message.content");
    }
}

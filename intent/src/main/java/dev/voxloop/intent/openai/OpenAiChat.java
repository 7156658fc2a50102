package dev.voxloop.intent.openai;

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
 * OpenAI-compatible chat completions ({@code POST {base}/chat/completions}) with
 * {@code response_format: {type: json_schema, json_schema: {name, strict: true, schema}}} and temperature 0. The
 * same client serves OpenAI, vLLM, LM Studio, llama.cpp server and Ollama's {@code /v1}. The key, when set, goes
 * in the Authorization header only.
 */
public final class OpenAiChat implements ChatModel {

    public static final String NAME = "openai";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final IntentSettings.OpenAi settings;
    private final JsonPost http;
    private final URI endpoint;

    public OpenAiChat(IntentSettings.OpenAi settings) {
        this.settings = settings;
        this.http = new JsonPost("The OpenAI-compatible server", Duration.ofSeconds(Math.min(10, Math.max(1,
                settings.timeout().toSeconds()))));
        this.endpoint = URI.create(settings.baseUrl() + "/chat/completions");
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
        JsonNode answer = http.post(endpoint, body, headers, settings.timeout());
        JsonNode message = answer.path("choices").path(0).path("message");
        if (message.hasNonNull("refusal") && !message.path("refusal").asText().isBlank()) {
            throw new Problem(Problem.Kind.UPSTREAM, "The model refused: " + message.path("refusal").asText());
        }
        JsonNode content = message.path("content");
        if (!content.isTextual()) {
            throw new Problem(Problem.Kind.UPSTREAM, "The OpenAI-compatible server answered without "
                    + "choices[0].message.content");
        }
        return content.asText();
    }
}

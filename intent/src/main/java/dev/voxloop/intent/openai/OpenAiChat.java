package dev.voxloop.intent.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.voxloop.core.problem.Problem;
import dev.voxloop.intent.IntentSettings;
import dev.voxloop.intent.chat.HttpChatModel;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * OpenAI-compatible chat completions ({@code POST {base}/chat/completions}, not streamed); the same client serves
 * OpenAI, vLLM, LM Studio, llama.cpp server and Ollama's {@code /v1}. Answers to extract carry
 * {@code response_format: {type: json_schema, json_schema: {name, description, strict: true, schema}}},
 * temperature 0 and {@code max_tokens}; an agent's turns carry {@code tools} as functions, get {@code tool_calls}
 * (arguments as a JSON string) back, send tool results as {@code role: tool} messages with their
 * {@code tool_call_id}, and count tokens from {@code usage}. A server that refuses tools (HTTP 400 naming them)
 * raises {@link ToolsNotSupported}. The key, when set, goes in the Authorization header only.
 */
public final class OpenAiChat extends HttpChatModel {

    public static final String NAME = "openai";
    private static final Pattern NO_TOOLS = Pattern.compile("(?i)(does not|doesn't|cannot) support tools|tools? "
            + "(are|is) not supported|unsupported (parameter|field)?:? ?'?tools");

    private final String key;
    /** Null for an agent's client, which keeps the model's own sampling and length. */
    private final Integer maxTokens;

    /** The intent extractor's client: deterministic, capped answers. */
    public OpenAiChat(IntentSettings.OpenAi settings) {
        this(String.valueOf(settings.baseUrl()), settings.model(), settings.apiKey(), settings.timeout(),
                settings.maxTokens());
    }

    private OpenAiChat(String baseUrl, String model, String key, Duration timeout, Integer maxTokens) {
        super(NAME, "The OpenAI-compatible server", endpoint(baseUrl, "/chat/completions"), model, timeout);
        this.key = key == null ? "" : key;
        this.maxTokens = maxTokens;
    }

    /** An agent's client: the model's own sampling, no cap on the answer's length. */
    public static OpenAiChat forAgent(String baseUrl, String model, String key, Duration timeout) {
        return new OpenAiChat(baseUrl, model, key, timeout, null);
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
        if (maxTokens != null) {
            body.put("temperature", 0);
            body.put("max_tokens", maxTokens);
        }
    }

    @Override
    protected void putCalls(ObjectNode message, Message.Assistant a) {
        if (a.text() == null || a.text().isEmpty()) {
            message.putNull("content");
        } else {
            message.put("content", a.text());
        }
        ArrayNode calls = message.putArray("tool_calls");
        for (ToolCall c : a.calls()) {
            calls.addObject().put("id", c.id()).put("type", "function").putObject("function")
                    .put("name", c.name()).put("arguments", json(c.arguments()));
        }
    }

    @Override
    protected void putResult(ObjectNode message, Message.ToolResult r) {
        message.put("tool_call_id", r.callId());
    }

    @Override
    protected Map<String, String> headers() {
        return key.isBlank() ? Map.of() : Map.of("Authorization", "Bearer " + key);
    }

    @Override
    protected JsonNode message(JsonNode reply) {
        JsonNode message = reply.path("choices").path(0).path("message");
        if (message.isMissingNode()) {
            throw new Problem(Problem.Kind.UPSTREAM, "The OpenAI-compatible server answered without a message");
        }
        if (message.hasNonNull("refusal") && !message.path("refusal").asText().isBlank()) {
            throw new Problem(Problem.Kind.UPSTREAM, "The model refused: " + message.path("refusal").asText());
        }
        return message;
    }

    @Override
    protected String contentPath() {
        return "choices[0].message.content";
    }

    @Override
    protected Usage usage(JsonNode reply) {
        JsonNode u = reply.path("usage");
        return new Usage(u.path("prompt_tokens").asLong(0), u.path("completion_tokens").asLong(0));
    }

    @Override
    protected boolean refusesTools(Problem p) {
        return p.getMessage().contains("HTTP 400") && NO_TOOLS.matcher(p.getMessage()).find();
    }

    private static String json(Map<String, Object> arguments) {
        try {
            return JSON.writeValueAsString(arguments);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}

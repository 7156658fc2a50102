package dev.voxloop.intent.ollama;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.voxloop.core.problem.Problem;
import dev.voxloop.intent.IntentSettings;
import dev.voxloop.intent.chat.HttpChatModel;
import java.time.Duration;

/**
 * Ollama's native chat API, {@code POST /api/chat} with {@code stream: false}. Answers to extract carry
 * {@code format} set to the answer's JSON schema (structured outputs), {@code options.temperature} 0,
 * {@code options.num_predict} capped (small models in JSON mode can loop) and {@code keep_alive}; an agent's turns
 * carry {@code tools} as functions, get {@code message.tool_calls} (arguments as an object) back, send tool results
 * as {@code role: tool} messages, and count tokens from {@code prompt_eval_count}/{@code eval_count}. A model
 * without tool support (Ollama answers 400 "... does not support tools") raises {@link ToolsNotSupported}.
 */
public final class OllamaChat extends HttpChatModel {

    public static final String NAME = "ollama";

    /** For extraction; null for an agent, which keeps the model's own sampling and length. */
    private final IntentSettings.Ollama extraction;

    /** The intent extractor's client: deterministic, capped answers. */
    public OllamaChat(IntentSettings.Ollama settings) {
        super(NAME, "Ollama", endpoint(settings.url(), "/api/chat"), settings.model(), settings.timeout());
        this.extraction = settings;
    }

    private OllamaChat(String url, String model, Duration timeout) {
        super(NAME, "Ollama", endpoint(url, "/api/chat"), model, timeout);
        this.extraction = null;
    }

    /** An agent's client: the model's own sampling, no cap on the answer's length. */
    public static OllamaChat forAgent(String url, String model, Duration timeout) {
        return new OllamaChat(url, model, timeout);
    }

    @Override
    protected void shape(ObjectNode body, Schema schema) {
        if (schema != null) {
            body.set("format", tree(schema));
        }
        if (extraction != null) {
            ObjectNode options = body.putObject("options");
            options.put("temperature", 0);
            options.put("num_predict", extraction.numPredict());
            body.put("keep_alive", extraction.keepAlive());
        }
        body.put("stream", false);
    }

    @Override
    protected void putCalls(ObjectNode message, Message.Assistant a) {
        message.put("content", a.text() == null ? "" : a.text());
        ArrayNode calls = message.putArray("tool_calls");
        for (ToolCall c : a.calls()) {
            calls.addObject().putObject("function").put("name", c.name())
                    .set("arguments", JSON.valueToTree(c.arguments()));
        }
    }

    @Override
    protected void putResult(ObjectNode message, Message.ToolResult r) {
        // Ollama ties a result to its call by order: the role and the content are all it takes
    }

    @Override
    protected JsonNode message(JsonNode reply) {
        if (reply.has("error")) {
            throw new Problem(Problem.Kind.UPSTREAM, "Ollama: " + reply.path("error").asText());
        }
        return reply.path("message");
    }

    @Override
    protected String contentPath() {
        return "message.content";
    }

    @Override
    protected Usage usage(JsonNode reply) {
        return new Usage(reply.path("prompt_eval_count").asLong(0), reply.path("eval_count").asLong(0));
    }

    @Override
    protected boolean refusesTools(Problem p) {
        return p.getMessage().contains("does not support tools");
    }
}

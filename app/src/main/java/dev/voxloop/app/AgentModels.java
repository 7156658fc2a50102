package dev.voxloop.app;

import dev.voxloop.core.chat.ToolChat;
import dev.voxloop.intent.ollama.OllamaToolChat;
import dev.voxloop.intent.openai.OpenAiToolChat;
import dev.voxloop.loop.agent.AgentProfile;
import dev.voxloop.loop.agent.ModelConnector;
import java.time.Duration;
import java.util.Map;

/**
 * The built-in agent's chat model for a profile: Ollama's {@code /api/chat} at the profile's base URL (else
 * {@code OLLAMA_URL}, else localhost:11434), or OpenAI-compatible chat completions at the profile's base URL (else
 * {@code OPENAI_BASE_URL}, else OpenAI) with the key from the profile's variable (else {@code OPENAI_API_KEY}).
 */
public final class AgentModels implements ModelConnector {

    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private final Map<String, String> env;

    public AgentModels(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    @Override
    public ToolChat connect(AgentProfile p) {
        if (p.api(env).equals("ollama")) {
            return new OllamaToolChat(p.baseUrl(env, "OLLAMA_URL", "http://localhost:11434"),
                    p.model() != null ? p.model() : env.getOrDefault("OLLAMA_MODEL", "qwen3-coder:30b"), TIMEOUT);
        }
        return new OpenAiToolChat(p.baseUrl(env, "OPENAI_BASE_URL", "https://api.openai.com/v1"),
                p.model() != null ? p.model() : env.getOrDefault("OPENAI_MODEL", "gpt-5.5"),
                p.key(env, "OPENAI_API_KEY"), TIMEOUT);
    }
}

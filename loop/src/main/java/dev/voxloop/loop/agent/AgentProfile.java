package dev.voxloop.loop.agent;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which agent a project runs and how to reach its model: {@code loop.projects.<KEY>.agent} (claude, codex, builtin,
 * command, replay), the executable ({@code agent_command}), {@code model}, {@code base_url}, the environment
 * variable holding the key ({@code api_key_env}), extra command-line flags ({@code agent_args}) and, for the
 * built-in agent, the chat API ({@code api}: openai or ollama; by default ollama when only {@code OLLAMA_URL} is
 * set).
 */
public record AgentProfile(String name, List<String> command, String model, String baseUrl, String keyEnv,
                           List<String> args, String api) {

    public AgentProfile {
        command = command == null ? List.of() : List.copyOf(command);
        args = args == null ? List.of() : List.copyOf(args);
    }

    public AgentProfile(String name, List<String> command, String model, String baseUrl, String keyEnv,
                        List<String> args) {
        this(name, command, model, baseUrl, keyEnv, args, null);
    }

    public static AgentProfile named(String name) {
        return new AgentProfile(name, List.of(), null, null, null, List.of(), null);
    }

    public AgentProfile withCommand(List<String> c) {
        return new AgentProfile(name, c, model, baseUrl, keyEnv, args, api);
    }

    /** The built-in agent's chat API: the configured one, else ollama when only OLLAMA_URL is set, else openai. */
    public String api(Map<String, String> env) {
        if (api != null && !api.isBlank()) {
            return api;
        }
        return baseUrl == null && env.containsKey("OLLAMA_URL") && !env.containsKey("OPENAI_BASE_URL") ? "ollama"
                : "openai";
    }

    /** The key from the configured variable, else from {@code defaultVar}, in {@code env}; null when unset. */
    public String key(Map<String, String> env, String defaultVar) {
        String v = env.get(keyEnv != null ? keyEnv : defaultVar);
        return v == null || v.isBlank() ? null : v;
    }

    /** The base URL configured, else {@code defaultVar} in {@code env}, else {@code fallback}. */
    public String baseUrl(Map<String, String> env, String defaultVar, String fallback) {
        if (baseUrl != null && !baseUrl.isBlank()) {
            return baseUrl;
        }
        String v = env.get(defaultVar);
        return v == null || v.isBlank() ? fallback : v;
    }

    /** Extra flags, refusing those that would switch off what voxloop relies on. */
    public List<String> argsWithout(Set<String> reserved) {
        for (String a : args) {
            String flag = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            if (reserved.contains(flag)) {
                throw new IllegalArgumentException("agent_args may not set " + flag + ": voxloop sets it itself");
            }
        }
        return args;
    }
}

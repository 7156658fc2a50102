package dev.voxloop.loop.agent;

import dev.voxloop.core.chat.ToolChat;
import dev.voxloop.core.problem.Problem;

/**
 * Opens the chat model a profile names, for the built-in agent (the composition root knows the HTTP clients:
 * OpenAI-compatible chat completions or Ollama, by the profile's {@code api}).
 */
@FunctionalInterface
public interface ModelConnector {

    ModelConnector NONE = p -> {
        throw Problem.invalid("loop.projects.*.agent", "the built-in agent needs a chat model, and none is wired here");
    };

    ToolChat connect(AgentProfile profile);
}

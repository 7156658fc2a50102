package dev.voxloop.core.chat;

import java.util.List;
import java.util.Map;

/**
 * Port: a chat model that can call tools (an OpenAI-compatible server, Ollama), for an agent that works in turns of
 * "the model asks for an action, the action's result goes back". Where a model has no native tool calling, the
 * caller sends no tools and reads actions from the text. Implementations turn transport failures into
 * {@link dev.voxloop.core.problem.Problem}s: UNAVAILABLE (cannot connect, no such model, rejected key, 5xx),
 * TIMEOUT, or UPSTREAM (an answer that cannot be used); a server that refuses tools throws
 * {@link ToolsNotSupported}.
 */
public interface ToolChat {

    /** A tool the model may call; {@code parameters} is a JSON Schema, as JSON text. */
    record Tool(String name, String description, String parameters) {
    }

    /** A call the model asked for. */
    record ToolCall(String id, String name, Map<String, Object> arguments) {

        public ToolCall {
            arguments = Map.copyOf(arguments);
        }
    }

    /** One entry of the conversation. */
    sealed interface Entry {
    }

    record System(String text) implements Entry {
    }

    record User(String text) implements Entry {
    }

    record Assistant(String text, List<ToolCall> calls) implements Entry {

        public Assistant {
            calls = List.copyOf(calls);
        }
    }

    /** What a tool call gave back, answering the call with {@code callId}. */
    record ToolResult(String callId, String name, String text) implements Entry {
    }

    /** The model's answer: text, the calls it asks for, and the tokens the server counted. */
    record Answer(String text, List<ToolCall> calls, long inputTokens, long outputTokens) {

        public Answer {
            calls = List.copyOf(calls);
        }
    }

    /** The server does not let this model call tools; the caller can fall back to actions in the text. */
    final class ToolsNotSupported extends RuntimeException {

        public ToolsNotSupported(String message) {
            super(message);
        }
    }

    /** Short name for logs, e.g. "ollama". */
    String name();

    /** @param tools the tools offered; empty for a plain text answer */
    Answer next(List<Entry> conversation, List<Tool> tools);
}

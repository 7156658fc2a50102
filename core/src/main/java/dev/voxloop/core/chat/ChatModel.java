package dev.voxloop.core.chat;

import java.util.List;
import java.util.Map;

/**
 * Port: a chat model (Ollama, an OpenAI-compatible server). It answers a conversation with text or with JSON
 * matching a schema ({@link #complete}: the intent extractor), and, where the model can, with calls of the tools
 * it was offered ({@link #next}: the built-in agent, in turns of "the model asks for an action, the action's
 * result goes back"). Tool calling is optional: a model that cannot do it throws {@link ToolsNotSupported}, and the
 * caller sends no tools and reads actions from the text instead.
 *
 * <p>Implementations turn transport failures into {@link dev.voxloop.core.problem.Problem}s a fallback can act on:
 * UNAVAILABLE (cannot connect, no such model, rejected credentials, 5xx), TIMEOUT, or UPSTREAM (an answer that
 * cannot be used).
 */
public interface ChatModel {

    /** One message of the conversation. */
    sealed interface Message {

        String text();

        static Message system(String text) {
            return new System(text);
        }

        static Message user(String text) {
            return new User(text);
        }

        static Message assistant(String text) {
            return new Assistant(text, List.of());
        }

        /** Instructions for the model. */
        record System(String text) implements Message {
        }

        /** What the person (or the program on their behalf) says. */
        record User(String text) implements Message {
        }

        /** What the model said earlier, with the tool calls it asked for (none in a plain conversation). */
        record Assistant(String text, List<ToolCall> calls) implements Message {

            public Assistant {
                calls = List.copyOf(calls);
            }
        }

        /** What a tool call gave back, answering the call with {@code callId}. */
        record ToolResult(String callId, String name, String text) implements Message {
        }
    }

    /**
     * The JSON an answer must match.
     *
     * @param name        a short identifier, e.g. "ticket_draft"
     * @param description what the answer is, for APIs that pass it to the model
     * @param json        the JSON Schema, as JSON text
     */
    record Schema(String name, String description, String json) {
    }

    /** A tool the model may call; {@code parameters} is a JSON Schema, as JSON text. */
    record Tool(String name, String description, String parameters) {
    }

    /** A call the model asked for. */
    record ToolCall(String id, String name, Map<String, Object> arguments) {

        public ToolCall {
            arguments = Map.copyOf(arguments);
        }
    }

    /** The model's answer to one turn: text, the calls it asks for, and the tokens the server counted. */
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

    /** Short name for logs and results, e.g. "ollama". */
    String name();

    /**
     * One answer, made as repeatable as the API allows (temperature 0 where the client sets it).
     *
     * @param schema the shape the answer must have, or null for free text
     * @return the assistant's answer: JSON text when a schema was given (still to be validated by the caller: small
     *         models do not always keep to it)
     */
    String complete(List<Message> messages, Schema schema);

    /**
     * One turn of a conversation in which the model may call tools. A model without tool calling answers a
     * conversation without tools as text; offered tools, it throws {@link ToolsNotSupported}.
     *
     * @param tools the tools offered; empty for a plain text answer
     */
    default Answer next(List<Message> conversation, List<Tool> tools) {
        if (!tools.isEmpty()) {
            throw new ToolsNotSupported(name() + " cannot call tools");
        }
        return new Answer(complete(conversation, null), List.of(), 0, 0);
    }
}

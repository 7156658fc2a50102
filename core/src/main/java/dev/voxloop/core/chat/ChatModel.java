package dev.voxloop.core.chat;

import java.util.List;

/**
 * Port: a chat model (Ollama, an OpenAI-compatible server) that answers a conversation with text, or with JSON
 * matching a schema. The intent extractor uses one; so can anything else that asks a model (a reviewer, an
 * agent), wired in the composition root. Implementations turn transport failures into
 * {@link dev.voxloop.core.problem.Problem}s a fallback can act on: UNAVAILABLE (cannot connect, no such model,
 * rejected credentials, 5xx), TIMEOUT, or UPSTREAM (an answer that cannot be used).
 */
public interface ChatModel {

    /** Who speaks a message. */
    enum Role {
        SYSTEM, USER, ASSISTANT;

        /** The name chat APIs use: "system", "user", "assistant". */
        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** One message of the conversation. */
    record Message(Role role, String content) {

        public static Message system(String content) {
            return new Message(Role.SYSTEM, content);
        }

        public static Message user(String content) {
            return new Message(Role.USER, content);
        }

        public static Message assistant(String content) {
            return new Message(Role.ASSISTANT, content);
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

    /** Short name for logs and results, e.g. "ollama". */
    String name();

    /**
     * @param schema the shape the answer must have, or null for free text
     * @return the assistant's answer: JSON text when a schema was given (still to be validated by the caller: small
     *         models do not always keep to it)
     */
    String complete(List<Message> messages, Schema schema);
}

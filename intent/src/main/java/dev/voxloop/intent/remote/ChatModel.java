package dev.voxloop.intent.remote;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A chat model that answers with JSON shaped by a schema. Implementations turn transport failures into
 * {@link dev.voxloop.core.problem.Problem}: UNAVAILABLE (cannot connect, model not there, 5xx), TIMEOUT, or
 * UPSTREAM (the server answered with something unusable).
 */
public interface ChatModel {

    /** One chat message; roles are system, user, assistant. */
    record Message(String role, String content) {

        public static Message system(String content) {
            return new Message("system", content);
        }

        public static Message user(String content) {
            return new Message("user", content);
        }

        public static Message assistant(String content) {
            return new Message("assistant", content);
        }
    }

    /** Short name for logs and the Extraction's {@code extractor}, e.g. "ollama". */
    String name();

    /** @return the assistant message's text (expected to be JSON matching {@code schema}) */
    String complete(List<Message> messages, String schemaName, ObjectNode schema);
}

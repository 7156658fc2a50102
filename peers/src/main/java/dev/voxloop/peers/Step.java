package dev.voxloop.peers;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Function;

/**
 * One step of a scripted conversation: the answer to the next request of the agent's main loop (fixed, or made
 * from the request, e.g. to use the working directory the agent reports), and optionally a text the request's
 * latest input (tool result, hook feedback, prompt) must contain, so a script can assert that, say, a denial or
 * the Stop hook's gate failures reached the model.
 */
public record Step(String expect, Function<JsonNode, Reply> reply) {

    public static Step answer(Reply reply) {
        return new Step(null, request -> reply);
    }

    public static Step after(String expect, Reply reply) {
        return new Step(expect, request -> reply);
    }

    /** An answer made from the request body. */
    public static Step from(Function<JsonNode, Reply> reply) {
        return new Step(null, reply);
    }
}

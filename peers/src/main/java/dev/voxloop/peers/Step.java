package dev.voxloop.peers;

/**
 * One step of a scripted conversation: the answer to the next request of the agent's main loop, and optionally
 * a text the request's latest input (tool result, hook feedback, prompt) must contain, so a script can assert
 * that, say, a denial or the Stop hook's gate failures reached the model.
 */
public record Step(String expect, Reply reply) {

    public static Step answer(Reply reply) {
        return new Step(null, reply);
    }

    public static Step after(String expect, Reply reply) {
        return new Step(expect, reply);
    }
}

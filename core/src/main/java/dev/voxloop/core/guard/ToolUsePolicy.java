package dev.voxloop.core.guard;

/**
 * Port: the early, explained "no" to a coding agent's tool call. The {@code guard} module holds the one
 * implementation (an architecture test keeps it so); the loop's gates ask it whether a changed file is one the
 * agent may not write, and the agent's hooks ask it before every call.
 *
 * <p>The policy is not the boundary: it judges what a call says it will do. The sandbox bounds what a call can
 * actually do.
 */
public interface ToolUsePolicy {

    /** The verdict on one call made where {@code context} says. Never throws for odd input: it denies or allows. */
    Decision evaluate(ToolCall call, PolicyContext context);
}

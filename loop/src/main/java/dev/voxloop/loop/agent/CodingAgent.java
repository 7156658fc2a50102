package dev.voxloop.loop.agent;

/**
 * A coding agent behind one port: Claude Code, any command-line agent, or a replay of recorded edits. A turn runs
 * the agent once in the workspace; it may edit files and commit, and the orchestrator judges the result.
 */
public interface CodingAgent {

    String name();

    TurnResult turn(TurnRequest request);
}

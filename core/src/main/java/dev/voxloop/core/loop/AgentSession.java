package dev.voxloop.core.loop;

/**
 * The agent's side of a run.
 *
 * @param agent           the agent's name (claude, command, replay, ...)
 * @param sessionId       the agent's own session to resume on the next turn (Claude Code), or null
 * @param turns           agent turns taken so far (the run's iteration count)
 * @param nextInstruction what the agent is told on its next turn (gate failures, "continue"), or null
 */
public record AgentSession(String agent, String sessionId, int turns, String nextInstruction) {

    public static AgentSession fresh(String agent) {
        return new AgentSession(agent, null, 0, null);
    }

    /** One more turn; the agent's session id replaces the old one when it reported one. */
    public AgentSession afterTurn(String session) {
        return new AgentSession(agent, session == null ? sessionId : session, turns + 1, nextInstruction);
    }

    public AgentSession instructed(String instruction) {
        return new AgentSession(agent, sessionId, turns, instruction);
    }
}

package dev.voxloop.loop.run;

import dev.voxloop.loop.agent.TurnResult;
import java.time.Instant;

/**
 * The last agent turn as the verify step needs it to record the turn (held in memory only: after a resume the
 * turn is recorded without them).
 *
 * @param agentMillis    time inside the agent
 * @param overheadMillis the orchestrator's own time in the turn (everything but the agent)
 */
public record TurnFacts(TurnResult result, Instant startedAt, long agentMillis, long overheadMillis) {
}

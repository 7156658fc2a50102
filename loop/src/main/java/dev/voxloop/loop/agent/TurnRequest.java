package dev.voxloop.loop.agent;

import java.nio.file.Path;
import java.time.Duration;

/**
 * One turn asked of an agent.
 *
 * @param prompt    the full prompt for this turn (rendered from the configured template)
 * @param sessionId the session to resume (Claude Code), or null for a fresh one
 * @param timeout   the most this turn may take (the orchestrator's remaining time budget)
 */
public record TurnRequest(String runId, String ticketKey, Path workspace, int iteration, String prompt,
                          String sessionId, Duration timeout) {
}

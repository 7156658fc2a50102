package dev.voxloop.core.loop;

import java.time.Instant;

/**
 * One agent turn and what the orchestrator saw after it.
 *
 * @param action        what the agent said it did (its last message, cut)
 * @param actionHash    hash of the workspace tree after the turn plus the agent's action: equal hashes mean the
 *                      agent produced the same thing
 * @param resultHash    hash of the gate results
 * @param failingHash   hash of the sorted failing-test set, or "" when none failed
 * @param gates         one-line gate summary ("tests FAILED; lint ok; ..."), or "" when gates did not run
 * @param overheadMillis orchestrator time in the turn, excluding the agent and the gate commands
 */
public record LoopTurn(String runId, int iteration, Instant startedAt, long agentMillis, long gateMillis,
                       long overheadMillis, String action, String actionHash, String resultHash, String failingHash,
                       String gates, boolean gatesPassed, long inputTokens, long outputTokens, double costUsd) {
}

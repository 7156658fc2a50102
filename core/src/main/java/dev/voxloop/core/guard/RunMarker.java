package dev.voxloop.core.guard;

import dev.voxloop.core.loop.GateConfig;

/**
 * A run in progress in one repository, as its hooks see it.
 *
 * @param workspace     the task workspace's root directory
 * @param defaultBranch the project's default branch (nobody pushes to it)
 * @param gates         what the Stop hook checks before it lets the agent finish; null when the marker was
 *                      unreadable (the hook then refuses to finish: fail closed)
 */
public record RunMarker(String runId, String ticketKey, String workspace, String defaultBranch, GateConfig gates) {
}

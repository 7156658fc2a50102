package dev.voxloop.loop.run;

import dev.voxloop.core.loop.GateConfig;
import dev.voxloop.loop.ProjectConfig;
import dev.voxloop.loop.agent.CodingAgent;
import dev.voxloop.loop.workspace.Workspace;

/**
 * A run made ready to work on this machine: the working tree, the project's configuration with the repository's
 * own file applied, the agent, and what the gates check.
 */
public record OpenRun(ProjectConfig project, Workspace workspace, CodingAgent agent, GateConfig gates) {
}

package dev.voxloop.loop.agent;

import dev.voxloop.core.loop.LoopRun;
import dev.voxloop.loop.ProjectConfig;
import dev.voxloop.loop.workspace.Workspace;

/** Makes the agent a project is configured with, for one run in one workspace. */
@FunctionalInterface
public interface AgentFactory {

    CodingAgent create(ProjectConfig project, LoopRun run, Workspace workspace);
}

package dev.voxloop.loop.run;

import dev.voxloop.core.forge.GitRemoteAccess;
import dev.voxloop.core.guard.RunMarker;
import dev.voxloop.core.guard.RunMarkers;
import dev.voxloop.core.loop.GateConfig;
import dev.voxloop.core.loop.LoopFailure;
import dev.voxloop.core.loop.LoopRun;
import dev.voxloop.core.loop.RunWorkspace;
import dev.voxloop.core.ticket.Ticket;
import dev.voxloop.loop.LoopSettings;
import dev.voxloop.loop.ProjectConfig;
import dev.voxloop.loop.agent.AgentFactory;
import dev.voxloop.loop.agent.CodingAgent;
import dev.voxloop.loop.workspace.Workspace;
import dev.voxloop.loop.workspace.WorkspacePreparer;
import java.io.IOException;
import java.util.function.Function;

/**
 * Makes a run ready to work on this machine, for a new run and for one resumed in any state: the workspace
 * (cloned, or the run's own clone reused), the project's configuration with the repository's
 * {@code .voxloop/loop.yaml} applied, the agent, the gate configuration, and the run marker that tells the agent's
 * hooks a run is active in this repository. {@link #close} removes the marker when the run leaves the loop.
 */
public final class RunSetup {

    private final LoopSettings settings;
    private final WorkspacePreparer preparer;
    private final AgentFactory agents;
    private final RunMarkers markers;
    private final Function<ProjectConfig, GitRemoteAccess> access;

    public RunSetup(LoopSettings settings, WorkspacePreparer preparer, AgentFactory agents, RunMarkers markers) {
        this(settings, preparer, agents, markers, p -> GitRemoteAccess.NONE);
    }

    private RunSetup(LoopSettings settings, WorkspacePreparer preparer, AgentFactory agents, RunMarkers markers,
                     Function<ProjectConfig, GitRemoteAccess> access) {
        this.settings = settings;
        this.preparer = preparer;
        this.agents = agents;
        this.markers = markers;
        this.access = access;
    }

    /** This setup with each project's remote reached through {@code access} (a forge that wants credentials). */
    public RunSetup withRemoteAccess(Function<ProjectConfig, GitRemoteAccess> access) {
        return new RunSetup(settings, preparer, agents, markers, access);
    }

    public OpenRun open(LoopRun run, Ticket ticket) {
        ProjectConfig base = settings.project(ticket.projectKey());
        RunWorkspace recorded = run.workspace();
        Workspace ws = preparer.prepare(run.id(), ticket, base.repo(), access.apply(base), base.defaultBranch(),
                recorded.path(),
                recorded.branch(), recorded.baseCommit());
        ProjectConfig project = base.withRepositoryFile(ws.dir());
        CodingAgent agent = agents.create(project, run, ws);
        GateConfig gates = new GateConfig(project.test(), project.lint(), project.coverage(),
                project.coverageReport(), project.coverageThreshold(), ws.baseCommit(), ticket.acceptanceCriteria(),
                project.commandTimeout());
        try {
            markers.write(ws.git().gitDir(), new RunMarker(run.id(), run.ticketKey(), ws.dir().toString(),
                    base.defaultBranch(), gates));
        } catch (IOException e) {
            throw new LoopFailure.Infrastructure("cannot write the run marker: " + e.getMessage(), e);
        }
        return new OpenRun(project, ws, agent, gates);
    }

    /** Removes the run marker: the agent's hooks stop enforcing the run's gates in this repository. */
    public void close(OpenRun open) {
        try {
            markers.clear(open.workspace().git().gitDir());
        } catch (IOException | RuntimeException e) {
            // safe to ignore: the marker only matters while the run is active, and a run that has left the loop
            // never starts another agent turn in this workspace
        }
    }
}

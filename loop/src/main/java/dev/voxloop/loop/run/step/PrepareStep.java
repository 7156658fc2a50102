package dev.voxloop.loop.run.step;

import dev.voxloop.core.loop.LoopRun;
import dev.voxloop.core.loop.LoopState;
import dev.voxloop.core.loop.RunWorkspace;
import dev.voxloop.core.problem.Problem;
import dev.voxloop.core.ticket.TicketStatus;
import dev.voxloop.core.ticket.TicketTracker;
import dev.voxloop.loop.run.OpenRun;
import dev.voxloop.loop.run.RunContext;
import dev.voxloop.loop.run.RunEvents;
import dev.voxloop.loop.run.Step;
import dev.voxloop.loop.run.TicketComments;
import dev.voxloop.loop.workspace.Workspace;
import java.time.Clock;

/**
 * PREPARING → ITERATING: the workspace is cloned and the task branch checked out (see
 * {@link dev.voxloop.loop.run.RunSetup}), the run records where, and the ticket moves to In Progress with a
 * comment naming the branch.
 */
public final class PrepareStep implements Step {

    private final TicketTracker tracker;
    private final TicketComments comments;
    private final RunEvents events;
    private final Clock clock;

    public PrepareStep(TicketTracker tracker, TicketComments comments, RunEvents events, Clock clock) {
        this.tracker = tracker;
        this.comments = comments;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public Next apply(LoopRun run, RunContext ctx) {
        OpenRun open = ctx.open(run);
        Workspace ws = open.workspace();
        run = ctx.progress(run.preparedIn(new RunWorkspace(ws.dir().toString(), ws.branch(), ws.baseBranch(),
                ws.baseCommit(), run.workspace().pushedCommit())));
        try {
            tracker.transition(run.ticketKey(), TicketStatus.IN_PROGRESS);
        } catch (Problem e) {
            // safe: the ticket's status is for people; a tracker whose workflow has no such move still gets the work
            events.stage(run, "could not move the ticket to In Progress: " + e.getMessage());
        }
        tracker.comment(run.ticketKey(), comments.started(run, ws.branch(), open.agent().name()));
        return new Next(run.moveTo(LoopState.ITERATING, clock.instant()), "branch " + ws.branch() + " from "
                + ws.baseBranch() + " at " + ws.baseCommit().substring(0, Math.min(10, ws.baseCommit().length())));
    }
}

package dev.voxloop.loop.run.step;

import dev.voxloop.core.loop.Ending;
import dev.voxloop.core.loop.LoopFailure;
import dev.voxloop.core.loop.LoopRun;
import dev.voxloop.core.loop.LoopState;
import dev.voxloop.core.ticket.TicketTracker;
import dev.voxloop.loop.gate.GateSuite;
import dev.voxloop.loop.run.OpenRun;
import dev.voxloop.loop.run.RunContext;
import dev.voxloop.loop.run.Step;
import dev.voxloop.loop.run.TicketComments;
import dev.voxloop.loop.workspace.BranchPublisher;
import dev.voxloop.loop.workspace.Workspace;
import java.time.Clock;

/**
 * PUSHING → PUSHED: leftovers committed, the task branch pushed (never forced), the ticket told where the branch
 * is. PUSHED is where the loop hands the run to the forge stage.
 */
public final class PushStep implements Step {

    private final BranchPublisher publisher;
    private final TicketTracker tracker;
    private final TicketComments comments;
    private final Clock clock;

    public PushStep(BranchPublisher publisher, TicketTracker tracker, TicketComments comments, Clock clock) {
        this.publisher = publisher;
        this.tracker = tracker;
        this.comments = comments;
        this.clock = clock;
    }

    @Override
    public Next apply(LoopRun run, RunContext ctx) {
        run = pushAndTell(run, ctx);
        String reason = "branch " + run.workspace().branch() + " pushed; gates passed";
        return new Next(run.end(LoopState.PUSHED, Ending.success(reason), clock.instant()), reason);
    }

    /**
     * Commits leftovers, pushes the task branch and tells the ticket where it is; returns the run with the pushed
     * head. The forge's push step uses this too, then goes on to the pull request instead of ending at PUSHED.
     */
    public LoopRun pushAndTell(LoopRun run, RunContext ctx) {
        OpenRun open = ctx.open(run);
        Workspace ws = open.workspace();
        BranchPublisher.Pushed p = publisher.commitAndPush(ws, run.ticketKey() + ": final changes");
        if (!p.ok()) {
            throw new LoopFailure.Infrastructure("pushing " + ws.branch() + " failed: " + p.output(), null);
        }
        run = ctx.progress(run.pushed(p.head()));
        tracker.comment(run.ticketKey(), comments.pushed(run, ws.branch(), open.project().linkTo(ws.branch()),
                p.head(), ctx.lastVerdict().map(GateSuite.Verdict::summary).orElse(null)));
        return run;
    }
}

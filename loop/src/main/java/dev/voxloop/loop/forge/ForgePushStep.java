package dev.voxloop.loop.forge;

import dev.voxloop.core.loop.LoopFailure;
import dev.voxloop.core.loop.LoopRun;
import dev.voxloop.core.loop.LoopState;
import dev.voxloop.core.ticket.TicketTracker;
import dev.voxloop.loop.ProjectConfig;
import dev.voxloop.loop.gate.GateSuite;
import dev.voxloop.loop.run.OpenRun;
import dev.voxloop.loop.run.RunContext;
import dev.voxloop.loop.run.Step;
import dev.voxloop.loop.run.TicketComments;
import dev.voxloop.loop.workspace.BranchPublisher;
import dev.voxloop.loop.workspace.Workspace;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;

/**
 * PUSHING for a project with a forge: the branch is pushed as the loop's own push step does, and the run goes on
 * to PR_OPEN (no pull request yet) or to CHECKS (a healing or review fix pushed a new head to the open pull
 * request). Projects without a forge keep the loop's push step, which ends the run at PUSHED.
 */
final class ForgePushStep implements Step {

    private final Step loopPush;
    private final Function<ProjectConfig, Optional<ForgeTarget>> forges;
    private final BranchPublisher publisher;
    private final TicketTracker tracker;
    private final TicketComments comments;
    private final Clock clock;

    ForgePushStep(Step loopPush, Function<ProjectConfig, Optional<ForgeTarget>> forges, BranchPublisher publisher,
                  TicketTracker tracker, TicketComments comments, Clock clock) {
        this.loopPush = loopPush;
        this.forges = forges;
        this.publisher = publisher;
        this.tracker = tracker;
        this.comments = comments;
        this.clock = clock;
    }

    @Override
    public Next apply(LoopRun run, RunContext ctx) {
        OpenRun open = ctx.open(run);
        if (forges.apply(open.project()).isEmpty()) {
            return loopPush.apply(run, ctx);
        }
        Workspace ws = open.workspace();
        BranchPublisher.Pushed p = publisher.commitAndPush(ws, run.ticketKey() + ": final changes");
        if (!p.ok()) {
            throw new LoopFailure.Infrastructure("pushing " + ws.branch() + " failed: " + p.output(), null);
        }
        run = ctx.progress(run.pushed(p.head()));
        tracker.comment(run.ticketKey(), comments.pushed(run, ws.branch(), open.project().linkTo(ws.branch()),
                p.head(), ctx.lastVerdict().map(GateSuite.Verdict::summary).orElse(null)));
        if (run.forge().hasPullRequest()) {
            return new Next(run.withForge(run.forge().pushed(p.head())).moveTo(LoopState.CHECKS, clock.instant()),
                    "pushed " + ForgeStage.short10(p.head()) + " to pull request #" + run.forge().pullRequest()
                            + "; waiting for checks");
        }
        return new Next(run.moveTo(LoopState.PR_OPEN, clock.instant()), "branch " + ws.branch()
                + " pushed; gates passed; opening the pull request");
    }
}

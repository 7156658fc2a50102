package dev.voxloop.loop.forge;

import dev.voxloop.core.loop.LoopRun;
import dev.voxloop.core.loop.LoopState;
import dev.voxloop.loop.ProjectConfig;
import dev.voxloop.loop.run.RunContext;
import dev.voxloop.loop.run.Step;
import dev.voxloop.loop.run.step.PushStep;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;

/**
 * PUSHING for a project with a forge: the branch is pushed as the loop's own push step does, and the run goes on
 * to PR_OPEN (no pull request yet) or to CHECKS (a healing or review fix pushed a new head to the open pull
 * request). Projects without a forge keep the loop's push step, which ends the run at PUSHED.
 */
final class ForgePushStep implements Step {

    private final PushStep loopPush;
    private final Function<ProjectConfig, Optional<ForgeTarget>> forges;
    private final Clock clock;

    ForgePushStep(PushStep loopPush, Function<ProjectConfig, Optional<ForgeTarget>> forges, Clock clock) {
        this.loopPush = loopPush;
        this.forges = forges;
        this.clock = clock;
    }

    @Override
    public Next apply(LoopRun run, RunContext ctx) {
        if (forges.apply(ctx.open(run).project()).isEmpty()) {
            return loopPush.apply(run, ctx);
        }
        run = loopPush.pushAndTell(run, ctx);
        String head = run.workspace().pushedCommit();
        if (run.forge().hasPullRequest()) {
            return new Next(run.withForge(run.forge().pushed(head)).moveTo(LoopState.CHECKS, clock.instant()),
                    "pushed " + ForgeStage.short10(head) + " to pull request #" + run.forge().pullRequest()
                            + "; waiting for checks");
        }
        return new Next(run.moveTo(LoopState.PR_OPEN, clock.instant()), "branch " + run.workspace().branch()
                + " pushed; gates passed; opening the pull request");
    }
}

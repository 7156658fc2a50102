package dev.voxloop.loop.forge;

import dev.voxloop.core.event.EventBus;
import dev.voxloop.core.forge.ForgeWakeups;
import dev.voxloop.core.forge.GitRemoteAccess;
import dev.voxloop.core.loop.LoopState;
import dev.voxloop.loop.ProjectConfig;
import dev.voxloop.loop.run.LoopParts;
import dev.voxloop.loop.run.step.PushStep;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * The forge stage added to the loop's step table: PUSHING goes on to a pull request for projects with a forge,
 * then PR_OPEN → CHECKS → (HEALING → VERIFYING → PUSHING → CHECKS)≤max → REVIEWING → MERGING → MERGED. The healing
 * turn is the loop's own {@link dev.voxloop.loop.run.AgentTurn}.
 */
public final class ForgeSteps {

    private ForgeSteps() {
    }

    /**
     * @param forges   where each project's runs go past the push (empty: the run ends at PUSHED as before)
     * @param review   the REVIEWING step's decision ({@link PullRequestReview#APPROVE_ALL} until a reviewer is wired)
     * @param poll     pause between looks at pending checks or a pending review
     * @param patience how long CHECKS waits for checks that never finish before the run is BLOCKED
     */
    public static LoopParts addTo(LoopParts parts, EventBus bus, Function<ProjectConfig, Optional<ForgeTarget>> forges,
                                  PullRequestReview review, Duration poll, Duration patience) {
        return addTo(parts, bus, forges, review, poll, patience, new ForgeWakeups());
    }

    /**
     * {@link #addTo(LoopParts, EventBus, Function, PullRequestReview, Duration, Duration)} with waits that end when
     * {@code wakeups} says the repository changed (a webhook delivery); {@code poll} is then the fallback.
     */
    public static LoopParts addTo(LoopParts parts, EventBus bus, Function<ProjectConfig, Optional<ForgeTarget>> forges,
                                  PullRequestReview review, Duration poll, Duration patience, ForgeWakeups wakeups) {
        ForgeStage stage = new ForgeStage(parts.tracker(), bus, review, parts.clock(), patience);
        if (!(parts.steps().forState(LoopState.PUSHING) instanceof PushStep loopPush)) {
            throw new IllegalStateException("the forge stage builds on the loop's own push step");
        }
        return parts
                .withSetup(parts.setup().withRemoteAccess(p -> forges.apply(p).map(ForgeTarget::access)
                        .orElse(GitRemoteAccess.NONE)))
                .withStep(LoopState.PUSHING, new ForgePushStep(loopPush, forges, parts.clock()))
                .withStep(LoopState.PR_OPEN, step(parts, forges, poll, wakeups, (run, ctx, t) -> stage.open(run,
                        ctx.ticket(), t, ctx.lastVerdict().map(v -> v.summary()).orElse(null))))
                .withStep(LoopState.CHECKS, step(parts, forges, poll, wakeups, (run, ctx, t) -> stage.checks(run,
                        t)))
                .withStep(LoopState.HEALING, new HealStep(parts.turns(), parts.settings().prompts(), parts.clock()))
                .withStep(LoopState.REVIEWING, step(parts, forges, poll, wakeups, (run, ctx, t) -> stage.review(run,
                        ctx.ticket(), t)))
                .withStep(LoopState.MERGING, step(parts, forges, poll, wakeups, (run, ctx, t) -> stage.merge(run, t,
                        new WorkspaceBranchUpdate(ctx, parts.publisher()))));
    }

    private static ForgeStep step(LoopParts parts, Function<ProjectConfig, Optional<ForgeTarget>> forges,
                                  Duration poll, ForgeWakeups wakeups, ForgeStep.Work work) {
        return new ForgeStep(work, forges, parts.events(), parts.clock(), poll, wakeups);
    }
}

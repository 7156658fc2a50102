package dev.voxloop.loop.forge;

import dev.voxloop.core.forge.ForgeWakeups;
import dev.voxloop.core.loop.Ending;
import dev.voxloop.core.loop.LoopFailure;
import dev.voxloop.core.loop.LoopRun;
import dev.voxloop.core.loop.LoopState;
import dev.voxloop.loop.ProjectConfig;
import dev.voxloop.loop.run.RunContext;
import dev.voxloop.loop.run.RunEvents;
import dev.voxloop.loop.run.Step;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * One forge state as a loop {@link Step}: finds the run's {@link ForgeTarget}, does the state's work and turns its
 * {@link StepResult} into the dispatcher's {@link Step.Next}. While checks or a review are pending the step waits
 * and stays in its state (the dispatcher checks the lease between steps); a new reason to wait is announced once.
 * The wait ends early when the forge's webhook says the repository changed ({@link ForgeWakeups}); without one it
 * lasts the poll interval, so polling is the fallback.
 */
final class ForgeStep implements Step {

    /** The work of one state with the run's forge. */
    @FunctionalInterface
    interface Work {
        StepResult apply(LoopRun run, RunContext ctx, ForgeTarget target);
    }

    private final Work work;
    private final Function<ProjectConfig, Optional<ForgeTarget>> forges;
    private final RunEvents events;
    private final Clock clock;
    private final Duration poll;
    private final ForgeWakeups wakeups;
    private String lastWait = "";

    ForgeStep(Work work, Function<ProjectConfig, Optional<ForgeTarget>> forges, RunEvents events, Clock clock,
              Duration poll, ForgeWakeups wakeups) {
        this.wakeups = wakeups;
        this.work = work;
        this.forges = forges;
        this.events = events;
        this.clock = clock;
        this.poll = poll;
    }

    @Override
    public Next apply(LoopRun run, RunContext ctx) {
        ProjectConfig project = ctx.open(run).project();
        ForgeTarget target = forges.apply(project).orElseThrow(() -> new LoopFailure.Misconfigured("project "
                + project.key() + " has no forge for its repository " + project.repo() + ", but the run is in "
                + run.state(), null));
        StepResult result = work.apply(run, ctx, target);
        return switch (result) {
            case StepResult.Move m -> new Next(m.run().moveTo(m.to(), clock.instant()), m.message());
            case StepResult.Merged m -> new Next(m.run().end(LoopState.MERGED, Ending.success(m.reason()),
                    clock.instant()), m.reason());
            case StepResult.Wait w -> {
                synchronized (this) {
                    if (!w.why().equals(lastWait)) {
                        events.stage(w.run(), w.why());
                        lastWait = w.why();
                    }
                }
                pause(target.repository());
                yield Next.again(ctx.progress(w.run()));
            }
        };
    }

    private void pause(String repository) {
        try {
            wakeups.await(repository, poll);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LoopFailure.Infrastructure("interrupted while waiting for the forge", e);
        }
    }
}

package dev.voxloop.loop.run.step;

import dev.voxloop.core.loop.LoopRun;
import dev.voxloop.core.loop.LoopState;
import dev.voxloop.loop.run.RunContext;
import dev.voxloop.loop.run.Step;
import java.time.Clock;

/** QUEUED, CLAIMED → PREPARING: a worker holds the run; the workspace comes next. */
public final class ClaimStep implements Step {

    private final Clock clock;

    public ClaimStep(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Next apply(LoopRun run, RunContext ctx) {
        return new Next(run.moveTo(LoopState.PREPARING, clock.instant()), "preparing the workspace");
    }
}

package dev.voxloop.loop.forge;

import dev.voxloop.core.loop.LoopRun;
import dev.voxloop.core.loop.LoopState;

/**
 * What one forge step decided; {@link ForgeStep} applies it. A run that cannot go on is not a result: the step
 * throws a {@link dev.voxloop.core.loop.LoopFailure}.
 */
public sealed interface StepResult {

    LoopRun run();

    /** Go to {@code to}, saying why. */
    record Move(LoopRun run, LoopState to, String message) implements StepResult {
    }

    /** Nothing changed yet (checks still running): ask again after a pause. */
    record Wait(LoopRun run, String why) implements StepResult {
    }

    /** The pull request is merged and the ticket Done: the run ends as MERGED. Failures are thrown instead. */
    record Merged(LoopRun run, String reason) implements StepResult {
    }
}

package dev.voxloop.loop.forge;

import dev.voxloop.core.loop.LoopRun;
import dev.voxloop.core.loop.LoopState;

/** What one forge step decided; the runner applies it (a move and an end publish their events there). */
public sealed interface StepResult {

    LoopRun run();

    /** Go to {@code to}, saying why. */
    record Move(LoopRun run, LoopState to, String message) implements StepResult {
    }

    /** Nothing changed yet (checks still running): ask again after a pause. */
    record Wait(LoopRun run, String why) implements StepResult {
    }

    /** End the run as BLOCKED, FAILED, ABORTED or MERGED. */
    record End(LoopRun run, LoopState state, String reason) implements StepResult {
    }
}

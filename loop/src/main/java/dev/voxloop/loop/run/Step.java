package dev.voxloop.loop.run;

import dev.voxloop.core.loop.LoopRun;

/**
 * The work of one state: takes the run as persisted and returns it in the state it goes to next (or in the same
 * state, to be stepped again). A step ends a run early by throwing a {@link dev.voxloop.core.loop.LoopFailure};
 * the {@link LoopRunner} catches it, saves the run and tells the ticket. A step never saves the run or announces
 * a state change itself: the dispatcher does both after every step.
 */
@FunctionalInterface
public interface Step {

    /**
     * @param run the run in the state this step is registered for
     * @param ctx what the run needs beyond its persisted record (ticket, workspace, agent), opened on demand
     */
    Next apply(LoopRun run, RunContext ctx);

    /**
     * Whether this step spends the run's budgets (an agent turn does). The dispatcher checks the budgets before
     * such a step, and only then: iterations, time and cost are checked in exactly that one place.
     */
    default boolean spendsBudget() {
        return false;
    }

    /**
     * The run after a step, and what happened in a few words (the message of the {@code loop_stage_changed}
     * event when the state changed).
     */
    record Next(LoopRun run, String message) {

        /** Stay in the same state with no news: the step is run again. */
        public static Next again(LoopRun run) {
            return new Next(run, null);
        }
    }
}

package dev.voxloop.app.cli;

import dev.voxloop.app.demo.DemoRun;
import dev.voxloop.core.loop.LoopRun;

/** What {@code voxloop demo} tells the person when Ctrl-C or SIGTERM stopped it: where the demo's run was left. */
final class DemoStopped {

    private DemoStopped() {
    }

    /**
     * @param outcome   what the demo ended with, or null when it had not ended
     * @param stepEnded false when the run was still in a step as the stop went on
     */
    static String message(DemoRun.Outcome outcome, boolean stepEnded) {
        if (!stepEnded) {
            return "voxloop demo: stopped in the middle of a step; the run stays as last saved";
        }
        if (outcome == null) {
            return "voxloop demo: stopped before the demo's run began";
        }
        LoopRun run = outcome.run();
        return run.loopDone() ? "voxloop demo: stopped after the run ended at " + run.state()
                : "voxloop demo: stopped after a step; " + run.ticketKey() + "'s run " + run.id() + " is left at "
                        + run.state() + " as saved, not finished";
    }
}

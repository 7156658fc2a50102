package dev.voxloop.app.cli;

import dev.voxloop.loop.worker.WorkerPass;

/**
 * What {@code voxloop worker --once} tells the person when Ctrl-C or SIGTERM stopped it: where its ticket was left.
 * A run stopped between two steps stays as saved, its lease lapses, and the next worker resumes it.
 */
final class OnceStopped {

    private static final String RESUMED = "; the next worker resumes it once its lease lapses";

    private OnceStopped() {
    }

    /**
     * @param pass      what the pass did, or null when it had not ended
     * @param stepEnded false when the run was still in a step as the stop went on
     */
    static String message(WorkerPass pass, boolean stepEnded) {
        if (!stepEnded) {
            return "voxloop worker: stopped in the middle of a step; the run stays as last saved" + RESUMED;
        }
        if (pass == null) {
            return "voxloop worker: stopped before it took a ticket";
        }
        if (pass instanceof WorkerPass.Ran r && !r.run().loopDone()) {
            return "voxloop worker: stopped after a step; " + r.run().ticketKey() + " is left at " + r.run().state()
                    + " (run " + r.run().id() + ")" + RESUMED;
        }
        return "voxloop worker: stopped; " + pass.describe();
    }
}

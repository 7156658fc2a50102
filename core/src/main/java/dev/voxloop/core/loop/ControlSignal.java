package dev.voxloop.core.loop;

import java.time.Instant;

/**
 * A person's signal to a running loop, from the console or the API: delivered to the run before its next agent
 * turn.
 */
public record ControlSignal(long id, String runId, Kind kind, String message, Instant createdAt) {

    public enum Kind {
        /** Stop the run: ABORTED, progress kept on the branch. */
        ABORT,
        /** Add the message to the agent's next instruction. */
        INSTRUCT,
        /** Commit and push the progress so far, then go on. */
        CHECKPOINT
    }
}

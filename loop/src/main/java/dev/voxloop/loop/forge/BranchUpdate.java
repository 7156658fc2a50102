package dev.voxloop.loop.forge;

import dev.voxloop.core.loop.LoopRun;

/** Brings a task branch up to date with a base that moved, in the run's workspace. */
public interface BranchUpdate {

    sealed interface Result {
        /** The base's tip {@code base} merged in cleanly and the branch was pushed at {@code head}. */
        record Pushed(String head, String base) implements Result {
        }

        /**
         * Merging the base's tip {@code base} conflicts; the markers are left in the workspace for the agent, told by
         * {@code instruction}.
         */
        record Conflict(String instruction, String base) implements Result {
        }
    }

    Result update(LoopRun run);
}

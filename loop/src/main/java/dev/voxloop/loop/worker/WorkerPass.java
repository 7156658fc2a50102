package dev.voxloop.loop.worker;

import dev.voxloop.core.loop.LoopRun;
import dev.voxloop.core.queue.QueueEntry;
import java.util.Optional;

/** What one pass of a worker did: took nothing, ran a ticket, or claimed one that could not start. */
public sealed interface WorkerPass {

    /** A line for the person at the terminal ({@code voxloop worker --once}). */
    String describe();

    default Optional<LoopRun> finished() {
        return this instanceof Ran r ? Optional.of(r.run()) : Optional.empty();
    }

    /** Nothing was claimed; {@code why} says why (nothing queued, or queued tickets nobody here can take). */
    record Idle(String why) implements WorkerPass {
        @Override
        public String describe() {
            return why;
        }
    }

    /** A ticket was run until it left the loop (or the lease was lost); {@code entry} is its queue entry after. */
    record Ran(LoopRun run, QueueEntry entry) implements WorkerPass {
        @Override
        public String describe() {
            String outcome = run.ticketKey() + ": " + run.state() + (run.reason() == null ? ""
                    : " - " + (run.failure() == null ? "" : run.failure().label() + ": ") + run.reason());
            return entry == null ? outcome : outcome + "\n" + QueueLine.of(entry);
        }
    }

    /** A ticket was claimed but its run could not start; {@code entry} is its queue entry after. */
    record NotStarted(String key, String why, QueueEntry entry) implements WorkerPass {
        @Override
        public String describe() {
            return key + ": could not start - " + why + (entry == null ? "" : "\n" + QueueLine.of(entry));
        }
    }
}

package dev.voxloop.loop.worker;

import dev.voxloop.core.event.EventBus;
import dev.voxloop.core.event.PipelineEvent;
import dev.voxloop.core.loop.FailureKind;
import dev.voxloop.core.loop.LoopRun;
import dev.voxloop.core.loop.LoopState;
import dev.voxloop.core.problem.Problem;
import dev.voxloop.core.queue.LoopQueue;
import dev.voxloop.core.queue.QueueEntry;
import java.time.Clock;
import java.util.Optional;

/**
 * Completes a claimed queue entry with its run's outcome: done, back to PENDING for another attempt, failed for
 * good, or parked for a person. Says so on the event bus ({@code LoopCompleted}).
 */
final class QueueCompletion {

    private final LoopQueue queue;
    private final EventBus events;
    private final int maxAttempts;
    private final Clock clock;

    QueueCompletion(LoopQueue queue, EventBus events, int maxAttempts, Clock clock) {
        this.queue = queue;
        this.events = events;
        this.maxAttempts = maxAttempts;
        this.clock = clock;
    }

    /**
     * Completes {@code key}'s entry after {@code run} ended, or after it could not start ({@code run} null,
     * {@code error} why). A configuration problem (the run could not start because of the project's settings, or
     * stopped as MISCONFIGURED or AGENT_UNAVAILABLE) is parked on the failed list without counting the attempt:
     * another attempt cannot help until a person fixes it, and then it gets them all. BLOCKED and ABORTED otherwise
     * wait for a person; only FAILED (infrastructure, internal) is retried.
     *
     * @return the entry as completed, or null when it was no longer this worker's to complete
     */
    QueueEntry complete(String key, LoopRun run, RuntimeException error) {
        boolean success = run != null && run.succeeded();
        String why = success ? null : run == null ? error.getMessage()
                : run.failure() == null ? run.reason() : run.failure().label() + ": " + run.reason();
        Optional<QueueEntry> after;
        if (!success && configurationProblem(run, error)) {
            after = queue.park(key, why);
        } else {
            boolean needsPerson = run != null && run.loopDone() && !success && run.state() != LoopState.FAILED;
            after = queue.complete(key, success, why, needsPerson ? 0 : maxAttempts);
        }
        events.publish(new PipelineEvent.LoopCompleted(clock.instant(), key, success, why));
        return after.orElse(null);
    }

    private static boolean configurationProblem(LoopRun run, RuntimeException error) {
        if (run == null) {
            return error instanceof Problem p && (p.kind() == Problem.Kind.INVALID || p.kind() == Problem.Kind.NOT_FOUND);
        }
        return run.loopDone() && run.failure() != null && (run.failure() == FailureKind.MISCONFIGURED
                || run.failure() == FailureKind.AGENT_UNAVAILABLE);
    }
}

package dev.voxloop.loop.run;

import dev.voxloop.core.event.EventBus;
import dev.voxloop.core.event.PipelineEvent;
import dev.voxloop.core.loop.LoopRun;
import dev.voxloop.loop.gate.GateResult;
import java.time.Clock;

/** The events a run publishes, in one place: stage changes, turns, gate results, cost, stuck, finished. */
public final class RunEvents {

    private final EventBus bus;
    private final Clock clock;

    public RunEvents(EventBus bus, Clock clock) {
        this.bus = bus;
        this.clock = clock;
    }

    /** The run is in (or entered) its current state; {@code message} says what happened. */
    public void stage(LoopRun run, String message) {
        bus.publish(new PipelineEvent.LoopStageChanged(clock.instant(), run.id(), run.ticketKey(), run.state(),
                message));
    }

    /** An agent turn ended: what the agent said, the turn's tokens, and the run's cost so far. */
    public void turnFinished(LoopRun run, String summary, long inputTokens, long outputTokens) {
        bus.publish(new PipelineEvent.IterationFinished(clock.instant(), run.id(), run.ticketKey(), run.iteration(),
                Text.cut(summary, 300), inputTokens, outputTokens));
        bus.publish(new PipelineEvent.CostUpdated(clock.instant(), run.id(), run.ticketKey(), run.usage().costUsd(),
                run.usage().totalTokens()));
    }

    public void gate(LoopRun run, GateResult r) {
        bus.publish(new PipelineEvent.GateEvaluated(clock.instant(), run.id(), run.ticketKey(), r.name(), r.passed(),
                Text.cut(r.detail(), 500)));
    }

    public void stuck(LoopRun run, StuckDetector.Repetition s) {
        bus.publish(new PipelineEvent.StuckDetected(clock.instant(), run.id(), run.ticketKey(), s.pattern(),
                s.repeats()));
    }

    /** The run left the loop (pushed, or stopped early). */
    public void finished(LoopRun run) {
        bus.publish(new PipelineEvent.RunFinished(clock.instant(), run.id(), run.ticketKey(), run.state(),
                run.failure(), run.reason()));
    }
}

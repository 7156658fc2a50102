package dev.voxloop.loop.run.step;

import dev.voxloop.core.loop.LoopRun;
import dev.voxloop.core.loop.LoopState;
import dev.voxloop.loop.gate.GateResult;
import dev.voxloop.loop.gate.GateSuite;
import dev.voxloop.loop.run.OpenRun;
import dev.voxloop.loop.run.RunContext;
import dev.voxloop.loop.run.RunEvents;
import dev.voxloop.loop.run.Step;
import dev.voxloop.loop.run.TurnRecorder;
import java.time.Clock;

/**
 * VERIFYING: every gate runs on the workspace, each result is an event, and the turn is recorded (which may find
 * the run stuck). All gates passed → PUSHING; otherwise the failures, named and with the command output's tail,
 * are the next turn's instruction → ITERATING.
 */
public final class VerifyStep implements Step {

    private final GateSuite gates;
    private final TurnRecorder recorder;
    private final RunEvents events;
    private final Clock clock;

    public VerifyStep(GateSuite gates, TurnRecorder recorder, RunEvents events, Clock clock) {
        this.gates = gates;
        this.recorder = recorder;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public Next apply(LoopRun run, RunContext ctx) {
        long t0 = System.nanoTime();
        OpenRun open = ctx.open(run);
        GateSuite.Verdict v = gates.evaluate(open.workspace().dir(), open.gates());
        ctx.lastVerdict(v);
        for (GateResult r : v.results()) {
            events.gate(run, r);
        }
        long stepMillis = (System.nanoTime() - t0) / 1_000_000;
        recorder.record(run, open, ctx, v, v.commandMillis(), stepMillis - v.commandMillis());
        if (v.passed()) {
            return new Next(run.moveTo(LoopState.PUSHING, clock.instant()), "all gates passed: " + v.summary());
        }
        return new Next(run.instructed(v.feedback()).moveTo(LoopState.ITERATING, clock.instant()),
                "gates failed: " + v.summary());
    }
}

package dev.voxloop.loop.run.step;

import dev.voxloop.core.loop.LoopRun;
import dev.voxloop.core.loop.LoopState;
import dev.voxloop.loop.prompt.Prompts;
import dev.voxloop.loop.run.AgentTurn;
import dev.voxloop.loop.run.ControlSignals;
import dev.voxloop.loop.run.RunContext;
import dev.voxloop.loop.run.Step;
import dev.voxloop.loop.run.TurnRecorder;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * ITERATING: a person's signals are taken, then one {@link AgentTurn} with the run's next instruction (the last
 * gate failures, or "continue") and any instruction a person sent. A turn that claims completion goes to
 * VERIFYING; one that does not is recorded (stuck detection) and the next turn follows.
 */
public final class IterateStep implements Step {

    private final ControlSignals signals;
    private final AgentTurn turns;
    private final Prompts prompts;
    private final TurnRecorder recorder;
    private final Clock clock;

    public IterateStep(ControlSignals signals, AgentTurn turns, Prompts prompts, TurnRecorder recorder,
                       Clock clock) {
        this.signals = signals;
        this.turns = turns;
        this.prompts = prompts;
        this.recorder = recorder;
        this.clock = clock;
    }

    @Override
    public boolean spendsBudget() {
        return true;
    }

    @Override
    public Next apply(LoopRun run, RunContext ctx) {
        List<String> instruction = new ArrayList<>();
        String next = run.agent().nextInstruction();
        if (next != null && !next.isBlank()) {
            instruction.add(next);
        }
        instruction.addAll(signals.take(run, ctx.open(run).workspace()));
        AgentTurn.Taken t = turns.take(run, ctx, String.join("\n\n", instruction));
        if (t.result().claimsDone()) {
            return new Next(t.run().moveTo(LoopState.VERIFYING, clock.instant()), "turn " + t.run().iteration()
                    + " claims completion; running the gates");
        }
        recorder.record(t.run(), ctx.open(run), ctx, null, 0, 0);
        return Next.again(t.run().instructed(prompts.keepGoing()));
    }
}

package dev.voxloop.loop.forge;

import dev.voxloop.core.loop.LoopRun;
import dev.voxloop.core.loop.LoopState;
import dev.voxloop.loop.prompt.Prompts;
import dev.voxloop.loop.run.AgentTurn;
import dev.voxloop.loop.run.RunContext;
import dev.voxloop.loop.run.Step;
import java.time.Clock;

/**
 * HEALING: one {@link AgentTurn} whose instruction is the classified CI failure (set by CHECKS), then the gates
 * (VERIFYING), the push and CI again. A turn that does not claim completion carries on as an ordinary iteration.
 * The turn clears the instruction when it is saved, so a run resumed in HEALING without one already had its healing
 * turn and goes to the gates instead of taking a second.
 */
final class HealStep implements Step {

    private final AgentTurn turns;
    private final Prompts prompts;
    private final Clock clock;

    HealStep(AgentTurn turns, Prompts prompts, Clock clock) {
        this.turns = turns;
        this.prompts = prompts;
        this.clock = clock;
    }

    @Override
    public boolean spendsBudget() {
        return true;
    }

    @Override
    public Next apply(LoopRun run, RunContext ctx) {
        String instruction = run.agent().nextInstruction();
        if (instruction == null || instruction.isBlank()) {
            return new Next(run.moveTo(LoopState.VERIFYING, clock.instant()), "healing turn "
                    + run.forge().healRounds() + " was taken before a restart; running the gates");
        }
        AgentTurn.Taken t = turns.take(run, ctx, instruction);
        String what = "healing turn " + t.run().forge().healRounds() + headline(instruction);
        if (t.result().claimsDone()) {
            return new Next(t.run().moveTo(LoopState.VERIFYING, clock.instant()), what + "; running the gates");
        }
        return new Next(t.run().instructed(prompts.keepGoing()).moveTo(LoopState.ITERATING, clock.instant()),
                what + "; the agent carries on");
    }

    /** The failure's first heading in the instruction (its third line), as ": compile error in build". */
    private static String headline(String instruction) {
        String first = instruction.lines().skip(2).findFirst().orElse("");
        return first.isBlank() ? "" : ": " + first.replaceFirst("^## ", "");
    }
}

package dev.voxloop.loop.run;

import dev.voxloop.core.loop.LoopFailure;
import dev.voxloop.core.loop.LoopRun;
import dev.voxloop.core.loop.LoopRunRepository;
import dev.voxloop.core.loop.LoopTurn;
import dev.voxloop.loop.agent.TurnResult;
import dev.voxloop.loop.gate.GateSuite;
import java.time.Clock;
import java.util.stream.Collectors;

/**
 * Persists one turn ({@link LoopTurn}: timings, what the agent said, fingerprints of the workspace and of the gate
 * results) and then asks the {@link StuckDetector} about the turns so far; a stuck run ends here, unless the gates
 * just passed.
 */
public final class TurnRecorder {

    private final LoopRunRepository runs;
    private final StuckDetector stuck;
    private final RunEvents events;
    private final Clock clock;

    public TurnRecorder(LoopRunRepository runs, StuckDetector stuck, RunEvents events, Clock clock) {
        this.runs = runs;
        this.stuck = stuck;
        this.events = events;
        this.clock = clock;
    }

    /**
     * @param verdict        the gates' verdict on this turn, or null when the turn did not claim completion
     * @param gateMillis     time in the gate commands
     * @param gateOverhead   the orchestrator's own time around the gates
     * @throws LoopFailure.Stuck when the turns show the agent repeating itself
     */
    public void record(LoopRun run, OpenRun open, RunContext ctx, GateSuite.Verdict verdict, long gateMillis,
                       long gateOverhead) {
        String tree = open.workspace().git().run("rev-parse", "HEAD^{tree}");
        TurnFacts facts = ctx.lastTurn().orElse(null);
        TurnResult t = facts == null ? null : facts.result();
        String failing = verdict == null || verdict.failingTests().isEmpty() ? ""
                : Text.hash(String.join("\n", verdict.failingTests()));
        String results = verdict == null ? "no-gates" : verdict.results().stream()
                .map(r -> r.name() + "=" + r.passed() + ";").collect(Collectors.joining()) + failing;
        runs.addTurn(new LoopTurn(run.id(), run.iteration(), facts == null ? clock.instant() : facts.startedAt(),
                facts == null ? 0 : facts.agentMillis(), gateMillis,
                (facts == null ? 0 : facts.overheadMillis()) + gateOverhead, Text.cut(t == null ? "" : t.message(), 500),
                Text.hash(tree), Text.hash(results), failing, verdict == null ? "" : verdict.summary(),
                verdict != null && verdict.passed(), t == null ? 0 : t.inputTokens(),
                t == null ? 0 : t.outputTokens(), t == null ? 0 : Math.max(0, t.costUsd())));
        if (verdict != null && verdict.passed()) {
            return;
        }
        var s = stuck.check(runs.turns(run.id()));
        if (s.isPresent()) {
            events.stuck(run, s.get());
            throw new LoopFailure.Stuck("stuck: " + s.get().description());
        }
    }
}

package dev.voxloop.loop.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.voxloop.core.event.PipelineEvent;
import dev.voxloop.core.loop.FailureKind;
import dev.voxloop.core.loop.LoopFailure;
import dev.voxloop.core.loop.LoopRun;
import dev.voxloop.core.loop.LoopState;
import dev.voxloop.loop.fixture.LoopFixture;
import dev.voxloop.loop.fixture.OnLoopFixture;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the dispatcher drives a run: one step per state, saved after each, a new state one line in the table. */
class DispatcherTest extends OnLoopFixture {

    @Test
    void theRunIsSavedAfterEveryStepAndEveryStateChangeIsAnEvent() {
        LoopRun run = f.run(LoopFixture.finisher());

        assertThat(run.state()).isEqualTo(LoopState.PUSHED);
        assertThat(run.succeeded()).isTrue();
        assertThat(f.runs.saved()).extracting(LoopRun::state).containsExactly(LoopState.CLAIMED,
                LoopState.PREPARING, LoopState.ITERATING, LoopState.VERIFYING, LoopState.PUSHING, LoopState.PUSHED);
        assertThat(f.log.all()).filteredOn(PipelineEvent.LoopStageChanged.class::isInstance)
                .extracting(e -> ((PipelineEvent.LoopStageChanged) e).state()).containsExactly(LoopState.CLAIMED,
                        LoopState.PREPARING, LoopState.ITERATING, LoopState.VERIFYING, LoopState.PUSHING,
                        LoopState.PUSHED);
        assertThat(f.log.all()).filteredOn(PipelineEvent.RunFinished.class::isInstance).hasSize(1);
    }

    @Test
    void aNewStateIsOneStepInTheTable() {
        Clock clock = Clock.systemUTC();
        LoopParts parts = f.parts(LoopFixture.finisher(), Budgets.DEFAULTS);
        Step verify = parts.steps().forState(LoopState.VERIFYING);
        // gates pass → HEALING (standing in for a later stage's state) → PUSHING
        parts = parts.withStep(LoopState.VERIFYING, (run, ctx) -> {
            Step.Next n = verify.apply(run, ctx);
            return n.run().state() == LoopState.PUSHING
                    ? new Step.Next(n.run().moveTo(LoopState.HEALING, clock.instant()), "an extra state") : n;
        }).withStep(LoopState.HEALING, (run, ctx) -> new Step.Next(run.moveTo(LoopState.PUSHING, clock.instant()),
                "back on the loop's path"));

        LoopRun run = new LoopRunner(parts, () -> "r1").run(f.ticket.key(), "w1", () -> true);

        assertThat(run.state()).isEqualTo(LoopState.PUSHED);
        assertThat(f.runs.saved()).extracting(LoopRun::state).contains(LoopState.HEALING);
        assertThat(f.log.all()).anyMatch(e -> e instanceof PipelineEvent.LoopStageChanged s
                && s.state() == LoopState.HEALING && s.message().equals("an extra state"));
    }

    @Test
    void aStateWithoutAStepEndsTheRunAsAnInternalError() {
        LoopParts parts = f.parts(LoopFixture.finisher(), Budgets.DEFAULTS).withStep(LoopState.VERIFYING,
                (run, ctx) -> new Step.Next(run.moveTo(LoopState.REVIEWING, Clock.systemUTC().instant()), "review"));

        LoopRun run = new LoopRunner(parts, () -> "r1").run(f.ticket.key(), "w1", () -> true);

        assertThat(run.state()).isEqualTo(LoopState.FAILED);
        assertThat(run.failure()).isEqualTo(FailureKind.INTERNAL);
        assertThat(run.reason()).isEqualTo("the loop cannot continue a run in state REVIEWING");
    }

    @Test
    void budgetsAreCheckedBeforeAgentTurnsOnly() {
        // one turn allowed: the gates and the push after it still run
        LoopRun run = f.runner(LoopFixture.finisher(), new Budgets(1, Duration.ofMinutes(5), 0))
                .run(f.ticket.key(), "w1", () -> true);
        assertThat(run.state()).isEqualTo(LoopState.PUSHED);
    }

    @Test
    void terminalStatesTakeNoStep() {
        assertThatThrownBy(() -> Steps.none().on(LoopState.FAILED, (run, ctx) -> null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Steps.none().forState(LoopState.ITERATING)).isInstanceOf(LoopFailure.Internal.class);
        assertThat(List.of(LoopState.values())).filteredOn(LoopState::terminal).allMatch(LoopState::loopDone);
    }
}

package dev.voxloop.loop.run;

import dev.voxloop.core.event.EventBus;
import dev.voxloop.core.guard.RunMarkers;
import dev.voxloop.core.loop.LoopRunRepository;
import dev.voxloop.core.loop.LoopState;
import dev.voxloop.core.ticket.TicketTracker;
import dev.voxloop.loop.LoopSettings;
import dev.voxloop.loop.agent.AgentFactory;
import dev.voxloop.loop.gate.GateSuite;
import dev.voxloop.loop.run.step.ClaimStep;
import dev.voxloop.loop.run.step.IterateStep;
import dev.voxloop.loop.run.step.PrepareStep;
import dev.voxloop.loop.run.step.PushStep;
import dev.voxloop.loop.run.step.VerifyStep;
import dev.voxloop.loop.workspace.BranchPublisher;
import dev.voxloop.loop.workspace.WorkspacePreparer;
import java.time.Clock;

/**
 * What a {@link LoopRunner} is made of: the ports it uses, the run setup, the step table, how a failed run ends,
 * the events, and the pieces a new step reuses (an {@link AgentTurn}, the {@link BranchPublisher}, the
 * {@link TicketComments}). {@link #standard} wires the loop's own states; a later stage adds its states with
 * {@link #withStep} and moves the hand-off in {@link LoopState#loopDone()}.
 */
public record LoopParts(LoopRunRepository runs, TicketTracker tracker, LoopSettings settings, RunSetup setup,
                        Steps steps, RunStopper stopper, RunEvents events, AgentTurn turns, BranchPublisher publisher,
                        TicketComments comments, Clock clock) {

    /** The loop from claim to push: QUEUED/CLAIMED → PREPARING → ITERATING ⇄ VERIFYING → PUSHING → PUSHED. */
    public static LoopParts standard(LoopRunRepository runs, TicketTracker tracker, EventBus bus,
                                     WorkspacePreparer preparer, AgentFactory agents, GateSuite gates,
                                     RunMarkers markers, LoopSettings settings, StuckDetector stuck,
                                     Clock clock) {
        RunEvents events = new RunEvents(bus, clock);
        BranchPublisher publisher = new BranchPublisher();
        TicketComments comments = new TicketComments();
        TurnRecorder recorder = new TurnRecorder(runs, stuck, events, clock);
        ControlSignals signals = new ControlSignals(runs, publisher, settings.prompts(), events);
        AgentTurn turns = new AgentTurn(settings.prompts(), settings.pricing(), events, clock);
        ClaimStep claim = new ClaimStep(clock);
        Steps steps = Steps.none()
                .on(LoopState.QUEUED, claim)
                .on(LoopState.CLAIMED, claim)
                .on(LoopState.PREPARING, new PrepareStep(tracker, comments, events, clock))
                .on(LoopState.ITERATING, new IterateStep(signals, turns, settings.prompts(), recorder, clock))
                .on(LoopState.VERIFYING, new VerifyStep(gates, recorder, events, clock))
                .on(LoopState.PUSHING, new PushStep(publisher, tracker, comments, clock));
        return new LoopParts(runs, tracker, settings, new RunSetup(settings, preparer, agents, markers), steps,
                new RunStopper(tracker, publisher, comments, events, clock), events, turns, publisher, comments,
                clock);
    }

    /** These parts preparing runs with {@code setup}. */
    public LoopParts withSetup(RunSetup setup) {
        return new LoopParts(runs, tracker, settings, setup, steps, stopper, events, turns, publisher, comments,
                clock);
    }

    /** These parts with {@code step} doing the work of {@code state}. */
    public LoopParts withStep(LoopState state, Step step) {
        return new LoopParts(runs, tracker, settings, setup, steps.on(state, step), stopper, events, turns,
                publisher, comments, clock);
    }
}

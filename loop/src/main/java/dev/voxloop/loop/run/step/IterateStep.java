package dev.voxloop.loop.run.step;

import dev.voxloop.core.loop.LoopFailure;
import dev.voxloop.core.loop.LoopRun;
import dev.voxloop.core.loop.LoopState;
import dev.voxloop.loop.agent.Pricing;
import dev.voxloop.loop.agent.TurnRequest;
import dev.voxloop.loop.agent.TurnResult;
import dev.voxloop.loop.prompt.Prompts;
import dev.voxloop.loop.run.ControlSignals;
import dev.voxloop.loop.run.OpenRun;
import dev.voxloop.loop.run.RunContext;
import dev.voxloop.loop.run.RunEvents;
import dev.voxloop.loop.run.Step;
import dev.voxloop.loop.run.Text;
import dev.voxloop.loop.run.TurnFacts;
import dev.voxloop.loop.run.TurnRecorder;
import dev.voxloop.loop.workspace.TaskFile;
import dev.voxloop.loop.workspace.Workspace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * ITERATING: the one place an agent turn happens. A person's signals are taken, the prompt is rendered (the last
 * gate failures or a person's words as the instruction), the agent works, its usage is priced and added, the
 * progress log in CURRENT_TASK.md gets a row and the workspace a snapshot commit. A turn that claims completion
 * goes to VERIFYING; one that does not is recorded and the next turn follows; an agent that asks for a person
 * ends the run as BLOCKED.
 */
public final class IterateStep implements Step {

    private final ControlSignals signals;
    private final Prompts prompts;
    private final Pricing pricing;
    private final TurnRecorder recorder;
    private final RunEvents events;
    private final Clock clock;

    public IterateStep(ControlSignals signals, Prompts prompts, Pricing pricing, TurnRecorder recorder,
                       RunEvents events, Clock clock) {
        this.signals = signals;
        this.prompts = prompts;
        this.pricing = pricing;
        this.recorder = recorder;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public boolean spendsBudget() {
        return true;
    }

    @Override
    public Next apply(LoopRun run, RunContext ctx) {
        long t0 = System.nanoTime();
        Instant started = clock.instant();
        OpenRun open = ctx.open(run);
        Workspace ws = open.workspace();
        List<String> parts = new ArrayList<>();
        if (run.agent().nextInstruction() != null && !run.agent().nextInstruction().isBlank()) {
            parts.add(run.agent().nextInstruction());
        }
        parts.addAll(signals.take(run, ws));
        restoreTaskFile(ctx, ws);
        int n = run.iteration() + 1;
        String prompt = prompts.turn(n, run.ticketKey(), String.join("\n\n", parts));

        long a0 = System.nanoTime();
        TurnResult turn = open.agent().turn(new TurnRequest(run.id(), run.ticketKey(), ws.dir(), n, prompt,
                run.agent().sessionId(), open.project().budgets().remaining(run, started)));
        long agentMillis = (System.nanoTime() - a0) / 1_000_000;

        run = ctx.progress(run.afterTurn(turn.sessionId(), pricing.usageOf(turn, open.project().model()),
                clock.instant()).instructed(null));
        logProgress(ws, n, open.agent().name(), turn);
        ws.git().commitAll(run.ticketKey() + ": iteration " + n);
        events.turnFinished(run, turn.message(), turn.inputTokens(), turn.outputTokens());
        ctx.lastTurn(new TurnFacts(turn, started, agentMillis, (System.nanoTime() - t0) / 1_000_000 - agentMillis));
        if (turn.blockedReason() != null) {
            throw new LoopFailure.Blocked("the agent needs a person: " + turn.blockedReason());
        }
        if (turn.claimsDone()) {
            return new Next(run.moveTo(LoopState.VERIFYING, clock.instant()), "turn " + n
                    + " claims completion; running the gates");
        }
        recorder.record(run, open, ctx, null, 0, 0);
        return Next.again(run.instructed(prompts.keepGoing()));
    }

    /** An agent that deleted CURRENT_TASK.md (e.g. {@code git clean -fdx}) gets a fresh one, criteria unticked. */
    private static void restoreTaskFile(RunContext ctx, Workspace ws) {
        Path task = ws.dir().resolve(TaskFile.NAME);
        if (Files.exists(task)) {
            return;
        }
        try {
            Files.writeString(task, TaskFile.render(ctx.ticket(), ws.branch(), ws.baseBranch(),
                    ctx.ticket().acceptanceCriteria()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restore " + TaskFile.NAME + " in " + ws.dir(), e);
        }
    }

    private void logProgress(Workspace ws, int n, String agent, TurnResult turn) {
        Path task = ws.dir().resolve(TaskFile.NAME);
        try {
            if (Files.exists(task)) {
                Files.writeString(task, TaskFile.appendLog(Files.readString(task), n, clock.instant(),
                        agent + " turn", Text.cut(turn.message(), 150)));
            }
        } catch (IOException e) {
            // safe: the log is a courtesy to the agent; the run's turns are persisted separately
        }
    }
}

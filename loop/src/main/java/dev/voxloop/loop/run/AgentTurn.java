package dev.voxloop.loop.run;

import dev.voxloop.core.loop.LoopFailure;
import dev.voxloop.core.loop.LoopRun;
import dev.voxloop.loop.agent.Pricing;
import dev.voxloop.loop.agent.SpentTurnFailure;
import dev.voxloop.loop.agent.TurnRequest;
import dev.voxloop.loop.agent.TurnResult;
import dev.voxloop.loop.prompt.Prompts;
import dev.voxloop.loop.workspace.TaskFile;
import dev.voxloop.loop.workspace.Workspace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;

/**
 * One agent turn, the same for every step that needs one (a loop iteration, a healing turn): CURRENT_TASK.md
 * restored if the agent deleted it, the prompt rendered around the instruction, the agent run with the time
 * budget left, its usage priced and added to the run, a progress-log row in CURRENT_TASK.md, a snapshot commit
 * {@code KEY: iteration N}, and the turn's events. An agent that asks for a person ends the run here; a turn that
 * fails after its model was paid ({@link SpentTurnFailure}) still adds its usage to the run before the failure
 * ends it.
 */
public final class AgentTurn {

    private final Prompts prompts;
    private final Pricing pricing;
    private final RunEvents events;
    private final Clock clock;

    public AgentTurn(Prompts prompts, Pricing pricing, RunEvents events, Clock clock) {
        this.prompts = prompts;
        this.pricing = pricing;
        this.events = events;
        this.clock = clock;
    }

    /** The run after the turn (one more iteration, usage added, instruction cleared) and what the agent said. */
    public record Taken(LoopRun run, TurnResult result) {
    }

    /**
     * @param instruction what the agent must do this turn (blank: carry on with the task)
     * @throws LoopFailure.Blocked when the agent says it cannot go on without a person (the turn is kept)
     */
    public Taken take(LoopRun run, RunContext ctx, String instruction) {
        long t0 = System.nanoTime();
        Instant started = clock.instant();
        OpenRun open = ctx.open(run);
        Workspace ws = open.workspace();
        restoreTaskFile(ctx, ws);
        int n = run.iteration() + 1;
        String prompt = prompts.turn(n, run.ticketKey(), instruction);

        long a0 = System.nanoTime();
        TurnResult turn;
        try {
            turn = open.agent().turn(new TurnRequest(run.id(), run.ticketKey(), ws.dir(), n, prompt,
                    run.agent().sessionId(), open.project().budgets().remaining(run, started)));
        } catch (SpentTurnFailure f) {
            ctx.progress(run.afterTurn(run.agent().sessionId(), pricing.usageOf(f.spent(),
                    open.project().agent().model()), clock.instant()));
            throw f.failure();
        }
        long agentMillis = (System.nanoTime() - a0) / 1_000_000;

        run = ctx.progress(run.afterTurn(turn.sessionId(), pricing.usageOf(turn, open.project().agent().model()),
                clock.instant()).instructed(null));
        logProgress(ws, n, open.agent().name(), turn);
        ws.git().commitAll(run.ticketKey() + ": iteration " + n);
        events.turnFinished(run, turn.message(), turn.inputTokens(), turn.outputTokens());
        ctx.lastTurn(new TurnFacts(turn, started, agentMillis, (System.nanoTime() - t0) / 1_000_000 - agentMillis));
        if (turn.blockedReason() != null) {
            throw new LoopFailure.Blocked("the agent needs a person: " + turn.blockedReason());
        }
        return new Taken(run, turn);
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

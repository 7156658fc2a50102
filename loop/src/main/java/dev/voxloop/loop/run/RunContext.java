package dev.voxloop.loop.run;

import dev.voxloop.core.loop.LoopRun;
import dev.voxloop.core.ticket.Ticket;
import dev.voxloop.loop.gate.GateSuite;
import java.util.Optional;

/**
 * What the steps of one run share beyond the persisted {@link LoopRun}: the ticket, the opened workspace and
 * agent (opened on first use, so a run resumed in any state gets them back), and what the last turn and the last
 * gate verdict were. It lives as long as one worker works on the run.
 */
public final class RunContext {

    private final Ticket ticket;
    private final RunSetup setup;
    private OpenRun open;
    private LoopRun progress;
    private TurnFacts lastTurn;
    private GateSuite.Verdict lastVerdict;

    public RunContext(Ticket ticket, RunSetup setup) {
        this.ticket = ticket;
        this.setup = setup;
    }

    public Ticket ticket() {
        return ticket;
    }

    /** The run's workspace, project, agent and gates, preparing them the first time they are needed. */
    public OpenRun open(LoopRun run) {
        if (open == null) {
            open = setup.open(run, ticket);
        }
        return open;
    }

    /**
     * The branch now contains the base's commit {@code base} (it was brought up to date): the gates measure the
     * change against it from now on.
     */
    public void rebasedOn(String base) {
        if (open != null) {
            open = new OpenRun(open.project(), open.workspace(), open.agent(), open.gates().withBase(base));
        }
    }

    /** The opened run, if a step has opened it. */
    public Optional<OpenRun> opened() {
        return Optional.ofNullable(open);
    }

    /**
     * Notes what a step has done to the run so far and returns it. Should the step then fail, the run ends from
     * here rather than from where the step began, so a finished agent turn's usage is never lost.
     */
    public LoopRun progress(LoopRun run) {
        progress = run;
        return run;
    }

    /** The latest run a step reported through {@link #progress}. */
    LoopRun latest() {
        return progress;
    }

    public Optional<TurnFacts> lastTurn() {
        return Optional.ofNullable(lastTurn);
    }

    public void lastTurn(TurnFacts facts) {
        lastTurn = facts;
    }

    public Optional<GateSuite.Verdict> lastVerdict() {
        return Optional.ofNullable(lastVerdict);
    }

    public void lastVerdict(GateSuite.Verdict verdict) {
        lastVerdict = verdict;
    }
}

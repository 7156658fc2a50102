package dev.voxloop.core.loop;

import java.time.Instant;

/**
 * One ticket's run through the loop, persisted after every step so another worker can resume it. Its parts are
 * small records so that a step changes one part ({@code afterTurn} the agent and usage, {@code preparedIn} the
 * workspace) without restating the others.
 *
 * @param id        run id
 * @param ticket    the ticket and its project
 * @param state     where the run is in {@link LoopState}
 * @param owner     the worker that holds the run
 * @param agent     the agent, its session, turns taken and its next instruction
 * @param workspace the working tree and branches (empty until prepared)
 * @param usage     tokens and cost summed over the run's turns
 * @param forge     the pull request, checks, healing and merge past PUSHED ({@link ForgeProgress#NONE} before)
 * @param ending    how the run left the loop, or null while it is in the loop
 * @param timing    started, last changed, finished
 */
public record LoopRun(String id, TicketRef ticket, LoopState state, String owner, AgentSession agent,
                      RunWorkspace workspace, Usage usage, ForgeProgress forge, Ending ending, RunTiming timing) {

    public LoopRun {
        forge = forge == null ? ForgeProgress.NONE : forge;
    }

    public static LoopRun start(String id, TicketRef ticket, String owner, String agent, Instant now) {
        return new LoopRun(id, ticket, LoopState.CLAIMED, owner, AgentSession.fresh(agent), RunWorkspace.NONE,
                Usage.NONE, ForgeProgress.NONE, null, RunTiming.startedAt(now));
    }

    /** A step moved the run on (the ending is kept: a run leaves the loop only through {@link #end}). */
    public LoopRun moveTo(LoopState next, Instant now) {
        return new LoopRun(id, ticket, next, owner, agent, workspace, usage, forge, ending,
                next.terminal() ? timing.finished(now) : timing.touched(now));
    }

    /** The run leaves the loop in {@code last} (PUSHED, or a terminal state) for the given reason. */
    public LoopRun end(LoopState last, Ending why, Instant now) {
        return new LoopRun(id, ticket, last, owner, agent, workspace, usage, forge, why,
                last.terminal() ? timing.finished(now) : timing.touched(now));
    }

    public LoopRun claimedBy(String worker) {
        return new LoopRun(id, ticket, state, worker, agent, workspace, usage, forge, ending, timing);
    }

    public LoopRun preparedIn(RunWorkspace ws) {
        return new LoopRun(id, ticket, state, owner, agent, ws, usage, forge, ending, timing);
    }

    /** After an agent turn: one more turn, the agent's session, its usage added. */
    public LoopRun afterTurn(String session, Usage used, Instant now) {
        return new LoopRun(id, ticket, state, owner, agent.afterTurn(session), workspace, usage.plus(used), forge,
                ending, timing.touched(now));
    }

    /** What the agent is told on its next turn (null: nothing in particular). */
    public LoopRun instructed(String instruction) {
        return new LoopRun(id, ticket, state, owner, agent.instructed(instruction), workspace, usage, forge, ending,
                timing);
    }

    public LoopRun pushed(String commit) {
        return new LoopRun(id, ticket, state, owner, agent, workspace.pushed(commit), usage, forge, ending, timing);
    }

    /** The forge stage's progress changed (pull request opened, checks, healing, merge). */
    public LoopRun withForge(ForgeProgress f) {
        return new LoopRun(id, ticket, state, owner, agent, workspace, usage, f, ending, timing);
    }

    public String ticketKey() {
        return ticket.key();
    }

    /** Agent turns taken so far. */
    public int iteration() {
        return agent.turns();
    }

    /** Why the run ended, or null while it is in the loop. */
    public String reason() {
        return ending == null ? null : ending.reason();
    }

    /** The kind of failure that ended the run, or null (still running, or ended as planned). */
    public FailureKind failure() {
        return ending == null ? null : ending.failure();
    }

    /** Finished as far as the loop is concerned (see {@link LoopState#loopDone()}). */
    public boolean loopDone() {
        return state.loopDone();
    }

    /** Left the loop as planned (pushed, or further along), not through a failure. */
    public boolean succeeded() {
        return loopDone() && state != LoopState.BLOCKED && state != LoopState.FAILED && state != LoopState.ABORTED;
    }
}

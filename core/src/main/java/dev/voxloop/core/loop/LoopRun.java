package dev.voxloop.core.loop;

import java.time.Instant;

/**
 * One ticket's run through the loop, persisted after every step so another worker can resume it.
 *
 * @param id              run id
 * @param state           where the run is in {@link LoopState}
 * @param iteration       agent turns taken so far
 * @param branch          the task branch, {@code {type}/{KEY}-{slug}}
 * @param baseBranch      the project's default branch
 * @param baseCommit      the default branch's commit the change is measured against
 * @param workspace       the working tree on the worker's machine
 * @param owner           the worker that holds the run
 * @param agentSession    the agent's session id to resume (Claude Code), or null
 * @param nextInstruction what the agent is told on its next turn (gate failures, a person's instruction)
 * @param reason          why the run ended (BLOCKED, FAILED, ABORTED), or a note
 * @param pushedCommit    the commit pushed to the branch, once pushed
 * @param forge           the pull request, checks, healing and merge past PUSHED ({@link ForgeProgress#NONE} before)
 */
public record LoopRun(String id, String ticketKey, String projectKey, LoopState state, int iteration, String branch,
                      String baseBranch, String baseCommit, String workspace, String owner, String agent,
                      String agentSession, String nextInstruction, String reason, long inputTokens, long outputTokens,
                      double costUsd, String pushedCommit, Instant startedAt, Instant updatedAt, Instant finishedAt,
                      ForgeProgress forge) {

    public LoopRun {
        forge = forge == null ? ForgeProgress.NONE : forge;
    }

    public static LoopRun start(String id, String ticketKey, String projectKey, String owner, String agent,
                                Instant now) {
        return new LoopRun(id, ticketKey, projectKey, LoopState.CLAIMED, 0, null, null, null, null, owner, agent, null,
                null, null, 0, 0, 0, null, now, now, null, ForgeProgress.NONE);
    }

    public LoopRun withState(LoopState s, String why, Instant now) {
        return new LoopRun(id, ticketKey, projectKey, s, iteration, branch, baseBranch, baseCommit, workspace, owner,
                agent, agentSession, nextInstruction, why == null ? reason : why, inputTokens, outputTokens, costUsd,
                pushedCommit, startedAt, now, s.terminal() ? now : finishedAt, forge);
    }

    public LoopRun withWorkspace(String branch, String baseBranch, String baseCommit, String workspace) {
        return new LoopRun(id, ticketKey, projectKey, state, iteration, branch, baseBranch, baseCommit, workspace,
                owner, agent, agentSession, nextInstruction, reason, inputTokens, outputTokens, costUsd, pushedCommit,
                startedAt, updatedAt, finishedAt, forge);
    }

    public LoopRun withOwner(String o) {
        return new LoopRun(id, ticketKey, projectKey, state, iteration, branch, baseBranch, baseCommit, workspace, o,
                agent, agentSession, nextInstruction, reason, inputTokens, outputTokens, costUsd, pushedCommit,
                startedAt, updatedAt, finishedAt, forge);
    }

    /** After a turn: one more iteration, the agent's session and usage added. */
    public LoopRun afterTurn(String session, long in, long out, double usd, Instant now) {
        return new LoopRun(id, ticketKey, projectKey, state, iteration + 1, branch, baseBranch, baseCommit, workspace,
                owner, agent, session == null ? agentSession : session, nextInstruction, reason, inputTokens + in,
                outputTokens + out, costUsd + usd, pushedCommit, startedAt, now, finishedAt, forge);
    }

    public LoopRun withInstruction(String instruction) {
        return new LoopRun(id, ticketKey, projectKey, state, iteration, branch, baseBranch, baseCommit, workspace,
                owner, agent, agentSession, instruction, reason, inputTokens, outputTokens, costUsd, pushedCommit,
                startedAt, updatedAt, finishedAt, forge);
    }

    public LoopRun withPushed(String commit) {
        return new LoopRun(id, ticketKey, projectKey, state, iteration, branch, baseBranch, baseCommit, workspace,
                owner, agent, agentSession, nextInstruction, reason, inputTokens, outputTokens, costUsd, commit,
                startedAt, updatedAt, finishedAt, forge);
    }

    public LoopRun withForge(ForgeProgress f) {
        return new LoopRun(id, ticketKey, projectKey, state, iteration, branch, baseBranch, baseCommit, workspace,
                owner, agent, agentSession, nextInstruction, reason, inputTokens, outputTokens, costUsd, pushedCommit,
                startedAt, updatedAt, finishedAt, f);
    }

    /** Finished as far as the loop is concerned (terminal, or handed to the forge). */
    public boolean loopDone() {
        return state.terminal() || state == LoopState.PUSHED;
    }
}

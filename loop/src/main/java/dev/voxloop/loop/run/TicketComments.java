package dev.voxloop.loop.run;

import dev.voxloop.core.loop.FailureKind;
import dev.voxloop.core.loop.LoopFailure;
import dev.voxloop.core.loop.LoopRun;
import java.util.List;

/**
 * Every comment the loop writes on a ticket, worded in one place: work started, branch pushed, and the run
 * stopped early (what happened, what kind of failure it was, what a person can do about it, and what is left).
 */
public final class TicketComments {

    public String started(LoopRun run, String branch, String agent) {
        return "voxloop started work on branch `" + branch + "` (run " + run.id() + ", agent " + agent + ").";
    }

    /**
     * @param link  where a person sees the branch (the project's {@code branch_url}, or repo#branch)
     * @param gates the gates' one-line summary, or null when this worker did not run them (a resumed run)
     */
    public String pushed(LoopRun run, String branch, String link, String head, String gates) {
        return "voxloop pushed branch `" + branch + "` (" + link + ") at " + head.substring(0, Math.min(10,
                head.length())) + " after " + run.iteration() + " iteration(s). Gates passed: "
                + (gates == null ? "see the run log" : gates) + ".";
    }

    /**
     * @param progress  what became of the work so far ({@link #progressPushed}, {@link #progressLost}, or "")
     * @param remaining unticked criteria and failing gates, each one line
     */
    public String stopped(LoopFailure failure, String progress, List<String> remaining) {
        FailureKind kind = failure.kind();
        return "voxloop stopped the run as " + kind.endsAs() + " (" + kind.label() + "): " + failure.reason() + "."
                + progress + "\nWhat to do: " + whatToDo(kind)
                + (remaining.isEmpty() ? "" : "\nWhat remains:\n- " + String.join("\n- ", remaining));
    }

    public String progressPushed(String branch, String link) {
        return " Progress so far is on branch `" + branch + "` (" + link + ").";
    }

    public String progressLost(String why) {
        return " Saving progress failed: " + why;
    }

    /** The advice for each kind of failure: the next thing a person does. */
    static String whatToDo(FailureKind kind) {
        return switch (kind) {
            case AGENT_BLOCKED -> "answer the agent's question on the ticket (or change the ticket), then retry it"
                    + " from the loop's failed list.";
            case ABORTED -> "nothing; a person stopped this run. Retry the ticket to start again.";
            case BUDGET_EXCEEDED -> "narrow the ticket or raise the budget (loop.budgets.*, or the project's"
                    + " max_iterations, max_duration, max_cost_usd), then retry it.";
            case STUCK -> "the agent kept repeating itself; clarify the ticket or finish the work from the branch by"
                    + " hand.";
            case AGENT_UNAVAILABLE -> "make the agent usable on the worker (installed, logged in or given its API"
                    + " key; `voxloop doctor` checks), then retry the ticket.";
            case UNGUARDED -> "check that voxloop's hooks run on the worker (`voxloop doctor`; curl installed; no"
                    + " agent_args that override the hook settings), then retry the ticket; the turn's changes were"
                    + " discarded.";
            case MISCONFIGURED -> "fix the project's configuration (loop.projects.<KEY> in voxloop.yaml, or the"
                    + " repository's .voxloop/loop.yaml), then retry the ticket.";
            case CHECKS_FAILED -> "read the failing check's log on the pull request, fix the branch by hand (or"
                    + " clarify the ticket), then retry the ticket or merge the pull request yourself.";
            case NOT_MERGEABLE -> "bring the branch up to date with the default branch by hand (resolve the"
                    + " conflicts), or close the pull request and retry the ticket.";
            case INFRASTRUCTURE -> "nothing at first: voxloop retries the run. If it keeps failing, check the"
                    + " worker's access to the repository and its disk space.";
            case INTERNAL -> "report it: this is a defect in voxloop (the worker's log has the details). Retrying"
                    + " may work.";
        };
    }
}

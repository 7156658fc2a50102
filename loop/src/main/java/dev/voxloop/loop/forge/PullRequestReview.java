package dev.voxloop.loop.forge;

import dev.voxloop.core.forge.PullRequest;
import dev.voxloop.core.loop.LoopRun;
import dev.voxloop.core.ticket.Ticket;

/**
 * The REVIEWING step's decision. The built-in {@link #APPROVE_ALL} passes every pull request through; reviewers
 * (rules, a model, people) replace it.
 */
public interface PullRequestReview {

    /** What the review decided about the pull request at its current head. */
    sealed interface Verdict {
        /** Merge it. */
        record Approve(String summary) implements Verdict {
        }

        /** A fix turn for the agent with this instruction, then checks and review again. */
        record ChangesRequested(String instruction) implements Verdict {
        }

        /** Waiting for a reviewer (a person, a bot): ask again later. */
        record Pending(String why) implements Verdict {
        }
    }

    Verdict review(LoopRun run, Ticket ticket, ForgeTarget target, PullRequest pullRequest);

    PullRequestReview APPROVE_ALL = (run, ticket, target, pr) -> new Verdict.Approve(
            "no reviewer is configured: approved by the built-in pass-through");
}

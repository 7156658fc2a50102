package dev.voxloop.loop.forge;

import dev.voxloop.core.event.EventBus;
import dev.voxloop.core.event.PipelineEvent;
import dev.voxloop.core.forge.Check;
import dev.voxloop.core.forge.CheckRollup;
import dev.voxloop.core.forge.MergeOutcome;
import dev.voxloop.core.forge.MergeRequest;
import dev.voxloop.core.forge.Mergeability;
import dev.voxloop.core.forge.PullRequest;
import dev.voxloop.core.forge.PullRequestDraft;
import dev.voxloop.core.loop.ForgeProgress;
import dev.voxloop.core.loop.LoopFailure;
import dev.voxloop.core.loop.LoopRun;
import dev.voxloop.core.loop.RunWorkspace;
import dev.voxloop.core.loop.LoopState;
import dev.voxloop.core.ticket.Ticket;
import dev.voxloop.core.ticket.TicketStatus;
import dev.voxloop.core.ticket.TicketTracker;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The run past the pushed branch, one state at a time: PR_OPEN opens the pull request (exactly once), CHECKS waits
 * for CI and decides (green: review; infrastructure: one re-run; otherwise a healing round, at most
 * {@link ForgeTarget#maxHealRounds}, never twice for the same failure), REVIEWING asks the review, MERGING merges
 * at the checked head (exactly once) and finishes: branch deleted, ticket Done with links. Each method returns what
 * the runner does next; side effects on the forge are safe to repeat after a crash.
 */
public final class ForgeStage {


    private final TicketTracker tracker;
    private final EventBus events;
    private final PullRequestReview review;
    private final Clock clock;
    private final Duration checksPatience;

    public ForgeStage(TicketTracker tracker, EventBus events, PullRequestReview review, Clock clock,
                      Duration checksPatience) {
        this.tracker = tracker;
        this.events = events;
        this.review = review;
        this.clock = clock;
        this.checksPatience = checksPatience;
    }

    public StepResult open(LoopRun run, Ticket ticket, ForgeTarget t, String gates) {
        String ticketUrl = tracker.browseUrl(ticket.key());
        PullRequest pr = t.forge().open(t.repository(), new PullRequestDraft(PullRequestText.title(ticket),
                PullRequestText.body(ticket, ticketUrl, gates, run.iteration()), run.workspace().branch(), run.workspace().baseBranch()));
        LoopRun next = run.withForge(run.forge().opened(t.repository(), pr.number(), pr.url(), pr.headSha()));
        events.publish(new PipelineEvent.PullRequestOpened(clock.instant(), run.id(), run.ticketKey(), pr.url(),
                pr.number()));
        if (!run.forge().hasPullRequest()) {
            tracker.comment(run.ticketKey(), "voxloop opened pull request #" + pr.number() + " (" + pr.url()
                    + ") from `" + run.workspace().branch() + "` into `" + run.workspace().baseBranch() + "`.");
        }
        return new StepResult.Move(next, LoopState.CHECKS, "pull request #" + pr.number() + " open at "
                + short10(pr.headSha()) + "; waiting for checks");
    }

    public StepResult checks(LoopRun run, ForgeTarget t) {
        ForgeProgress f = run.forge();
        PullRequest pr = t.forge().pullRequest(t.repository(), f.pullRequest());
        if (pr.merged()) {
            return new StepResult.Move(run.withForge(f.merged(pr.mergeCommit())), LoopState.MERGING,
                    "the pull request was merged by someone else");
        }
        if (!pr.open()) {
            throw new LoopFailure.Aborted("pull request #" + pr.number() + " was closed by a person");
        }
        if (!pr.headSha().equals(f.head())) {
            return new StepResult.Wait(run.withForge(f.pushed(pr.headSha())), "the head moved to "
                    + short10(pr.headSha()));
        }
        CheckRollup rollup = CheckRollup.of(t.forge().checks(t.repository(), f.head()),
                t.forge().requiredChecks(t.repository(), pr.base()));
        switch (rollup.state()) {
            case PENDING -> {
                java.time.Instant since = run.timing().updatedAt();
                if (since != null && clock.instant().isAfter(since.plus(checksPatience))) {
                    throw new LoopFailure.ChecksFailed("checks did not finish within "
                            + checksPatience.toMinutes() + " min: " + rollup.summary());
                }
                return new StepResult.Wait(run, "checks running: " + rollup.summary());
            }
            case SUCCESS -> {
                events.publish(new PipelineEvent.ChecksFinished(clock.instant(), run.id(), run.ticketKey(), true,
                        rollup.summary()));
                return new StepResult.Move(run, LoopState.REVIEWING, "checks green: " + rollup.summary());
            }
            default -> {
                events.publish(new PipelineEvent.ChecksFinished(clock.instant(), run.id(), run.ticketKey(), false,
                        rollup.summary()));
                return failed(run, t, rollup.failing());
            }
        }
    }

    private StepResult failed(LoopRun run, ForgeTarget t, List<Check> failing) {
        ForgeProgress f = run.forge();
        List<CiFailure> failures = new ArrayList<>();
        for (Check c : failing) {
            failures.add(FailureClassifier.classify(c, t.forge().checkLog(t.repository(), c.id())));
        }
        if (failures.stream().allMatch(x -> x.kind().transientFailure()) && f.reruns() == 0) {
            for (Check c : failing) {
                t.forge().rerun(t.repository(), c.id());
            }
            return new StepResult.Wait(run.withForge(f.rerun()), "re-running " + names(failures)
                    + " once: it looks like an infrastructure or flaky failure");
        }
        String fingerprint = String.join("|", failures.stream().map(CiFailure::fingerprint).sorted().toList());
        String what = String.join("; ", failures.stream().map(CiFailure::headline).toList());
        if (fingerprint.equals(f.lastFailure())) {
            throw new LoopFailure.ChecksFailed("CI failed the same way after healing (stuck): " + what);
        }
        if (f.healRounds() >= t.maxHealRounds()) {
            throw new LoopFailure.ChecksFailed("CI still fails after " + f.healRounds() + " healing round(s): "
                    + what);
        }
        CiFailure first = failures.getFirst();
        events.publish(new PipelineEvent.HealingStarted(clock.instant(), run.id(), run.ticketKey(), f.healRounds() + 1,
                first.kind().words(), first.check()));
        LoopRun healing = run.withForge(f.healing(fingerprint.length() <= 250 ? fingerprint
                : fingerprint.substring(0, 250))).instructed(FailureClassifier.instruction(failures));
        return new StepResult.Move(healing, LoopState.HEALING, "healing round " + (f.healRounds() + 1) + " of "
                + t.maxHealRounds() + ": " + what);
    }

    public StepResult review(LoopRun run, Ticket ticket, ForgeTarget t) {
        PullRequest pr = t.forge().pullRequest(t.repository(), run.forge().pullRequest());
        if (!pr.open()) {
            return pr.merged() ? new StepResult.Move(run.withForge(run.forge().merged(pr.mergeCommit())),
                    LoopState.MERGING, "merged by someone else")
                    : closed(pr);
        }
        return switch (review.review(run, ticket, t, pr)) {
            case PullRequestReview.Verdict.Approve a -> new StepResult.Move(run, LoopState.MERGING, "review approved: "
                    + a.summary());
            case PullRequestReview.Verdict.ChangesRequested c -> new StepResult.Move(run.instructed(
                    c.instruction()).withForge(run.forge().reviewFixing(run.iteration())), LoopState.ITERATING,
                    "review requested changes");
            case PullRequestReview.Verdict.Pending p -> new StepResult.Wait(run, p.why());
        };
    }

    /**
     * Merges at the checked head; when the base moved, {@code update} brings the branch up to date (and says
     * whether it pushed a clean update, or left a conflict for the agent).
     */
    public StepResult merge(LoopRun run, ForgeTarget t, BranchUpdate update) {
        ForgeProgress f = run.forge();
        if (f.mergeCommit() != null) {
            return finish(run, t);
        }
        MergeOutcome outcome = t.forge().merge(t.repository(), f.pullRequest(), new MergeRequest(f.head(),
                t.mergeMethod(), null, null));
        return switch (outcome) {
            case MergeOutcome.Merged m -> {
                events.publish(new PipelineEvent.Merged(clock.instant(), run.id(), run.ticketKey(), m.commit()));
                yield new StepResult.Wait(run.withForge(f.merged(m.commit())), "merged as " + short10(m.commit())
                        + (m.alreadyMerged() ? " (found already merged)" : ""));
            }
            case MergeOutcome.HeadMoved h -> new StepResult.Move(run.withForge(f.pushed(h.actualHead())),
                    LoopState.CHECKS, "the head moved to " + short10(h.actualHead()) + "; checking it first");
            case MergeOutcome.NotMergeable n when n.mergeability() == Mergeability.BEHIND
                    || n.mergeability() == Mergeability.CONFLICTING -> behind(run, update, n);
            case MergeOutcome.NotMergeable n -> throw new LoopFailure.NotMergeable("the forge will not merge pull"
                    + " request #" + f.pullRequest() + ": " + n.reason());
        };
    }

    private StepResult behind(LoopRun run, BranchUpdate update, MergeOutcome.NotMergeable n) {
        ForgeProgress f = run.forge();
        if (f.updates() >= 2) {
            throw new LoopFailure.NotMergeable("the branch could not be brought up to date with "
                    + run.workspace().baseBranch() + " after one attempt: " + n.reason());
        }
        BranchUpdate.Result r = update.update(run);
        return switch (r) {
            case BranchUpdate.Result.Pushed p -> new StepResult.Move(rebased(run, p.base())
                    .withForge(f.updating().pushed(p.head())), LoopState.CHECKS, "brought up to date with " + run.workspace().baseBranch() + " at " + short10(p.head()));
            case BranchUpdate.Result.Conflict c -> new StepResult.Move(rebased(run, c.base()).withForge(f.updating())
                    .instructed(c.instruction()), LoopState.ITERATING, "the branch conflicts with "
                    + run.workspace().baseBranch() + ": the agent resolves it");
        };
    }

    /** Gates measure the change against the base it now contains. */
    private static LoopRun rebased(LoopRun run, String base) {
        RunWorkspace w = run.workspace();
        return run.preparedIn(new RunWorkspace(w.path(), w.branch(), w.baseBranch(), base, w.pushedCommit()));
    }

    private static StepResult closed(PullRequest pr) {
        throw new LoopFailure.Aborted("pull request #" + pr.number() + " was closed by a person");
    }

    private StepResult finish(LoopRun run, ForgeTarget t) {
        ForgeProgress f = run.forge();
        t.forge().deleteBranch(t.repository(), run.workspace().branch());
        Ticket now = tracker.find(run.ticketKey()).orElse(null);
        String commit = f.mergeCommit();
        boolean told = now != null && now.comments().stream().anyMatch(c -> c.body().contains(commit));
        if (!told) {
            tracker.comment(run.ticketKey(), "voxloop merged pull request #" + f.pullRequest() + " ("
                    + f.pullRequestUrl() + ") into `" + run.workspace().baseBranch() + "` as " + commit + " after "
                    + f.healRounds() + " healing round(s).");
        }
        tracker.transition(run.ticketKey(), TicketStatus.DONE);
        return new StepResult.Merged(run, "pull request #" + f.pullRequest() + " merged as " + short10(commit)
                + "; ticket Done");
    }

    private static String names(List<CiFailure> failures) {
        return String.join(", ", failures.stream().map(CiFailure::check).toList());
    }

    static String short10(String sha) {
        return sha == null ? "?" : sha.substring(0, Math.min(10, sha.length()));
    }
}

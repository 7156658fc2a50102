package dev.voxloop.loop.review;

import dev.voxloop.core.event.EventBus;
import dev.voxloop.core.event.PipelineEvent;
import dev.voxloop.core.forge.FileChange;
import dev.voxloop.core.forge.PullRequest;
import dev.voxloop.core.loop.LoopFailure;
import dev.voxloop.core.loop.LoopRun;
import dev.voxloop.core.review.Finding;
import dev.voxloop.core.review.Review;
import dev.voxloop.core.review.ReviewFailure;
import dev.voxloop.core.review.ReviewLog;
import dev.voxloop.core.review.ReviewRequest;
import dev.voxloop.core.review.Reviewer;
import dev.voxloop.core.review.StoredReview;
import dev.voxloop.core.ticket.Ticket;
import dev.voxloop.core.ticket.TicketTracker;
import dev.voxloop.loop.forge.ForgeTarget;
import dev.voxloop.loop.forge.PullRequestReview;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The REVIEWING step's decision: every configured reviewer judges the pull request's head (once per head: a
 * retried step finds the review kept), the reviews are posted to the forge and the traceability table goes into the
 * pull request's body; people's reviews on the forge count with their author. Blocking findings start a fix turn
 * until the policy's last round, then the run is BLOCKED with the open findings on the ticket. Follow-up findings
 * become tickets; a person's approval is waited for when the policy asks for one. The verdict kept and posted is
 * the one the project's blocking severity gives. A reviewer that gives no review ({@link ReviewFailure}) is skipped
 * when optional, waited for when required and unreachable, and blocks the run when required and its answer is no
 * review.
 */
public final class ReviewGate implements PullRequestReview {

    private static final Logger LOG = LoggerFactory.getLogger(ReviewGate.class);

    private final List<Reviewer> reviewers;
    private final ReviewLog log;
    private final TicketTracker tracker;
    private final FollowUps followUps;
    private final EventBus events;
    private final Function<String, ReviewPolicy> policies;
    private final Clock clock;

    /** @param policies the review policy of a project key */
    public ReviewGate(List<Reviewer> reviewers, ReviewLog log, TicketTracker tracker,
                      dev.voxloop.core.queue.LoopQueue queue, EventBus events, Function<String, ReviewPolicy> policies,
                      Clock clock) {
        this.reviewers = List.copyOf(reviewers);
        this.log = log;
        this.tracker = tracker;
        this.followUps = new FollowUps(tracker, queue, clock);
        this.events = events;
        this.policies = policies;
        this.clock = clock;
    }

    @Override
    public Verdict review(LoopRun run, Ticket ticket, ForgeTarget t, PullRequest pr) {
        ReviewPolicy policy = policies.apply(run.ticket().projectKey());
        String repo = t.repository();
        String head = pr.headSha();
        Path workspace = run.workspace().path() == null ? null : Path.of(run.workspace().path());
        List<FileChange> files = t.forge().files(repo, pr.number());
        ReviewEvidence evidence = ReviewEvidence.of(workspace, ticket, t.forge().checks(repo, head),
                id -> t.forge().checkLog(repo, id));
        ReviewRequest request = new ReviewRequest(new ReviewRequest.ChangeRef(repo, pr.number(), pr.base(), head),
                ForgeDiff.text(files), ticket, new ReviewRequest.ProjectFacts(null, policy.dependencyAllowlist()),
                evidence.traceability(), evidence.ci(), workspace);
        int round = round(run.id(), head);
        List<Finding> blocking = new ArrayList<>();
        List<Finding> all = new ArrayList<>();
        List<String> reviewed = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        List<String> awaited = new ArrayList<>();
        for (Reviewer reviewer : reviewers) {
            StoredReview s;
            try {
                s = log.find(run.id(), reviewer.name(), head).orElseGet(() -> keep(run, pr, round, policy,
                        reviewer.review(request).judgedAt(policy.blocking())));
            } catch (ReviewFailure f) {
                missed(policy, f, skipped, awaited);
                continue;
            }
            post(t, pr, s);
            reviewed.add(reviewer.name());
            all.addAll(s.review().findings());
            blocking.addAll(s.review().blocking(policy.blocking()));
        }
        String body = ReviewText.withTraceability(pr.body(), ReviewText.traceability(ticket.acceptanceCriteria(),
                evidence.traceability(), evidence.ci()));
        if (!body.equals(pr.body())) {
            t.forge().edit(repo, pr.number(), null, body);
        }
        PeopleReviews people = PeopleReviews.of(t.forge().reviews(repo, pr.number()));
        blocking.addAll(people.blocking());
        followUps.file(ticket, all, policy.queueFollowUps());
        if (!blocking.isEmpty()) {
            if (round >= policy.maxRounds()) {
                tracker.comment(run.ticketKey(), ReviewText.blocked(blocking, round, pr.url()));
                throw new LoopFailure.ReviewBlocked(blocking.size() + " blocking review finding(s) still open after "
                        + round + " review round(s), e.g. " + blocking.get(0).where() + ": "
                        + blocking.get(0).message());
            }
            return new Verdict.ChangesRequested(ReviewText.instruction(blocking, round, policy.maxRounds()));
        }
        List<String> configured = reviewers.stream().map(Reviewer::name).toList();
        List<String> missing = policy.required().stream().filter(r -> !configured.contains(r)).toList();
        if (!missing.isEmpty()) {
            throw new LoopFailure.Misconfigured("the review policy of " + run.ticket().projectKey() + " requires "
                    + String.join(", ", missing) + ", which is not configured as a reviewer", null);
        }
        if (!awaited.isEmpty()) {
            return new Verdict.Pending("waiting for the required reviewer " + String.join("; ", awaited));
        }
        String needsPerson = switch (policy.personApproval()) {
            case NEVER -> null;
            case ALWAYS -> "the project's policy";
            case PROTECTED -> {
                String p = ProtectedChange.first(files.stream().map(FileChange::path).toList(), policy.protectedPaths(),
                        workspace);
                yield p == null ? null : p + " (a protected or CODEOWNERS-owned path)";
            }
        };
        if (needsPerson != null && !people.approvedAt(head)) {
            return new Verdict.Pending("waiting for a person to approve pull request #" + pr.number() + ": "
                    + needsPerson + " asks for one");
        }
        return new Verdict.Approve(String.join(", ", reviewed) + " approved in round " + round
                + (all.isEmpty() ? "" : " (" + all.size() + " non-blocking finding(s) posted)")
                + (skipped.isEmpty() ? "" : "; skipped the optional reviewer " + String.join("; ", skipped)));
    }

    /**
     * A reviewer that gave no review: an optional one is skipped (and the approval says so); a required one that
     * cannot be reached is waited for; a required one whose answer is no review blocks the run, since asking again
     * gets the same answer.
     */
    private static void missed(ReviewPolicy policy, ReviewFailure f, List<String> skipped, List<String> awaited) {
        String why = f.reviewer() + " (" + f.getMessage() + ")";
        if (!policy.required().contains(f.reviewer())) {
            LOG.warn("skipping the optional reviewer {}", why);
            skipped.add(why);
        } else if (f instanceof ReviewFailure.Unusable) {
            throw new LoopFailure.ReviewBlocked("the required reviewer " + f.reviewer() + " gave no usable review: "
                    + f.getMessage() + " (to fix: check the model, or make it optional in the project's"
                    + " review.required)");
        } else {
            awaited.add(why);
        }
    }

    private StoredReview keep(LoopRun run, PullRequest pr, int round, ReviewPolicy policy, Review made) {
        StoredReview s = log.record(run.id(), run.ticketKey(), run.forge().repository(), pr.number(), round, made);
        events.publish(new PipelineEvent.ReviewFinished(clock.instant(), run.id(), run.ticketKey(), pr.number(),
                made.reviewer(), made.verdict().name(), made.findings().size(), made.blocking(policy.blocking()).size(),
                round));
        return s;
    }

    /** Posts the review once: a review carrying its marker found on the forge (an earlier try) is not posted again. */
    private void post(ForgeTarget t, PullRequest pr, StoredReview s) {
        if (s.forgeReviewId() != null) {
            return;
        }
        String marker = ReviewText.MARKER + s.id() + " -->";
        String id = t.forge().reviews(t.repository(), pr.number()).stream().filter(r -> r.body().contains(marker))
                .map(dev.voxloop.core.forge.Review::id).findFirst()
                .orElseGet(() -> t.forge().submitReview(t.repository(), pr.number(), ReviewText.draft(s)).id());
        log.posted(s.id(), id);
    }

    /** The round of {@code head}: its stored round, or one more than the heads reviewed so far. */
    private int round(String runId, String head) {
        List<StoredReview> kept = log.forRun(runId);
        return kept.stream().filter(s -> head.equals(s.review().headSha())).mapToInt(StoredReview::round).findFirst()
                .orElse((int) kept.stream().map(s -> s.review().headSha()).distinct().count() + 1);
    }
}

package dev.voxloop.forge.builtin;

import dev.voxloop.core.forge.CheckRollup;
import dev.voxloop.core.forge.ForgeStore;
import dev.voxloop.core.forge.MergeOutcome;
import dev.voxloop.core.forge.MergeRequest;
import dev.voxloop.core.forge.Mergeability;
import dev.voxloop.core.forge.PullRequest;
import dev.voxloop.core.forge.PullRequestState;
import dev.voxloop.core.forge.TimelineEntry;
import dev.voxloop.forge.hosting.BareRepositories;
import java.time.Clock;
import java.util.Locale;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;

/**
 * One merge on the built-in forge, exactly once: under the repository's lock, a pull request recorded as merged, or
 * whose landing commit is already on the base (a crash after the ref moved and before the record was written), is
 * reported as merged without merging again; otherwise the head must be the expected one, up to date with the base
 * and green on every required check, and then the base moves by compare-and-swap.
 */
final class Merging {

    /** How far back on the base a retry looks for a landing commit of the pull request. */
    private static final int LOOK_BACK = 500;

    private final PullRequests pullRequests;
    private final Checks allChecks;
    private final ForgeStore store;
    private final BareRepositories repos;
    private final Clock clock;

    Merging(PullRequests pullRequests, Checks checks, ForgeStore store, BareRepositories repos, Clock clock) {
        this.pullRequests = pullRequests;
        this.allChecks = checks;
        this.store = store;
        this.repos = repos;
        this.clock = clock;
    }

    MergeOutcome merge(String repository, int number, MergeRequest request) {
        synchronized (pullRequests.lock(repository)) {
            PullRequest p = pullRequests.pullRequest(repository, number);
            if (p.merged()) {
                return new MergeOutcome.Merged(p.mergeCommit(), true);
            }
            if (p.state() == PullRequestState.CLOSED) {
                return new MergeOutcome.NotMergeable(Mergeability.UNKNOWN, "the pull request is closed");
            }
            String trailer = repository + "#" + number;
            try (Repository repo = repos.open(repository)) {
                String baseTip = GitReads.tip(repo, p.base());
                String landed = baseTip == null ? null
                        : Merger.findLanded(repo, baseTip, request.expectedHead(), trailer, LOOK_BACK);
                if (landed != null && request.expectedHead().equals(p.headSha())) {
                    record(repository, p, landed, "found already merged as " + landed.substring(0, 10));
                    return new MergeOutcome.Merged(landed, true);
                }
                if (!request.expectedHead().equals(p.headSha())) {
                    return new MergeOutcome.HeadMoved(p.headSha());
                }
                if (p.mergeable() == Mergeability.BEHIND || p.mergeable() == Mergeability.CONFLICTING) {
                    return new MergeOutcome.NotMergeable(p.mergeable(), p.mergeable() == Mergeability.BEHIND
                            ? "the branch is behind " + p.base() + "; bring it up to date first"
                            : "the branch conflicts with " + p.base());
                }
                CheckRollup checks = allChecks.rollup(repository, p);
                if (checks.state() != CheckRollup.State.SUCCESS) {
                    return new MergeOutcome.NotMergeable(Mergeability.BLOCKED, "required checks are not green: "
                            + checks.summary());
                }
                String title = request.commitTitle() != null ? request.commitTitle()
                        : p.title() + " (#" + number + ")";
                String commit = Merger.land(repo, p.base(), baseTip, p.headSha(), request.method(), title,
                        request.commitMessage(), trailer, new PersonIdent(BuiltinForge.ACTOR, "voxloop@localhost"));
                record(repository, p, commit, request.method().name().toLowerCase(Locale.ROOT) + " into " + p.base()
                        + " as " + commit.substring(0, 10));
                return new MergeOutcome.Merged(commit, false);
            }
        }
    }

    private void record(String repository, PullRequest p, String commit, String detail) {
        store.updatePullRequest(repository, BuiltinForge.with(p, PullRequestState.MERGED, commit, clock.instant()));
        store.addTimeline(repository, p.number(), new TimelineEntry(clock.instant(), "merged", BuiltinForge.ACTOR,
                detail));
    }
}

package dev.voxloop.forge.builtin;

import dev.voxloop.core.forge.CheckRollup;
import dev.voxloop.core.forge.FileChange;
import dev.voxloop.core.forge.ForgeStore;
import dev.voxloop.core.forge.Mergeability;
import dev.voxloop.core.forge.PullRequest;
import dev.voxloop.core.forge.PullRequestCommit;
import dev.voxloop.core.forge.PullRequestDraft;
import dev.voxloop.core.forge.PullRequestState;
import dev.voxloop.core.forge.TimelineEntry;
import dev.voxloop.core.problem.Problem;
import dev.voxloop.forge.hosting.BareRepositories;
import dev.voxloop.forge.hosting.GitHttp;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * The built-in forge's pull requests. A pull request's head follows its branch: whenever the branch moved (a push
 * over HTTP, or found on the next read) the new head is recorded on the timeline and its checks start; every read
 * computes whether it could merge now. Reads and merges of one repository hold its {@link #lock}.
 */
final class PullRequests {

    private final ForgeStore store;
    private final BareRepositories repos;
    private final Hosting hosting;
    private final Checks checks;
    private final Supplier<String> publicUrl;
    private final Clock clock;
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    PullRequests(ForgeStore store, BareRepositories repos, Hosting hosting, Checks checks,
                 Supplier<String> publicUrl, Clock clock) {
        this.store = store;
        this.repos = repos;
        this.hosting = hosting;
        this.checks = checks;
        this.publicUrl = publicUrl;
        this.clock = clock;
    }

    /** Opens a pull request, or answers the open one on the same head branch (a retry opens nothing twice). */
    PullRequest open(String repository, PullRequestDraft draft) {
        hosting.hosted(repository);
        String head;
        try (Repository repo = repos.open(repository)) {
            head = GitReads.tip(repo, draft.head());
            String base = GitReads.tip(repo, draft.base());
            if (head == null || base == null) {
                throw new Problem(Problem.Kind.UNPROCESSABLE, "branch " + (head == null ? draft.head() : draft.base())
                        + " does not exist in " + repository, "head");
            }
            if (GitReads.isAncestor(repo, head, base)) {
                throw new Problem(Problem.Kind.UNPROCESSABLE, "no commits between " + draft.base() + " and "
                        + draft.head(), "head");
            }
        }
        Optional<PullRequest> existing = store.openPullRequest(repository, draft.head());
        if (existing.isPresent()) {
            return pullRequest(repository, existing.get().number());
        }
        String url = (publicUrl.get() == null ? "" : publicUrl.get()) + "/#/repos/" + repository + "/pulls/{number}";
        PullRequest pr = store.createPullRequest(repository, draft, BuiltinForge.ACTOR, url, head, clock.instant());
        if (pr.createdAt().equals(pr.updatedAt()) && store.timeline(repository, pr.number()).isEmpty()) {
            store.addTimeline(repository, pr.number(), new TimelineEntry(clock.instant(), "opened", BuiltinForge.ACTOR,
                    draft.head() + " into " + draft.base() + " at " + head.substring(0, 10)));
        }
        checks.start(repository, pr);
        return pullRequest(repository, pr.number());
    }

    Optional<PullRequest> findOpen(String repository, String headBranch) {
        return store.openPullRequest(repository, headBranch).map(p -> pullRequest(repository, p.number()));
    }

    PullRequest pullRequest(String repository, int number) {
        PullRequest stored = store.pullRequest(repository, number).orElseThrow(() -> Problem.notFound(
                "pull request #" + number + " does not exist in " + repository));
        return refreshed(repository, stored);
    }

    List<PullRequest> pullRequests(String repository, PullRequestState state, int limit) {
        hosting.hosted(repository);
        return store.pullRequests(repository, state, limit).stream().map(p -> refreshed(repository, p)).toList();
    }

    PullRequest edit(String repository, int number, String title, String body) {
        PullRequest p = pullRequest(repository, number);
        store.updatePullRequest(repository, new PullRequest(p.number(), title == null ? p.title() : title,
                body == null ? p.body() : body, p.head(), p.headSha(), p.base(), p.state(), p.mergeable(), p.url(),
                p.author(), p.mergeCommit(), p.createdAt(), clock.instant()));
        return pullRequest(repository, number);
    }

    PullRequest close(String repository, int number) {
        PullRequest p = pullRequest(repository, number);
        if (p.open()) {
            store.updatePullRequest(repository, BuiltinForge.with(p, PullRequestState.CLOSED, null, clock.instant()));
            store.addTimeline(repository, number, new TimelineEntry(clock.instant(), "closed", BuiltinForge.ACTOR,
                    "closed without merging"));
        }
        return pullRequest(repository, number);
    }

    /** A push over HTTP moved these refs: pull requests on those branches get their new head and checks. */
    void pushed(String repository, List<GitHttp.PushedRef> refs) {
        for (GitHttp.PushedRef ref : refs) {
            if (ref.ref().startsWith("refs/heads/")) {
                store.openPullRequest(repository, ref.ref().substring("refs/heads/".length()))
                        .ifPresent(p -> refreshed(repository, p));
            }
        }
    }

    /** The stored pull request with its head following the branch and its merge state computed. */
    private PullRequest refreshed(String repository, PullRequest p) {
        if (!p.open()) {
            return p;
        }
        synchronized (lock(repository)) {
            p = store.pullRequest(repository, p.number()).orElse(p);
            if (!p.open()) {
                return p;
            }
            try (Repository repo = repos.open(repository)) {
                String tip = GitReads.tip(repo, p.head());
                if (tip != null && !tip.equals(p.headSha())) {
                    p = new PullRequest(p.number(), p.title(), p.body(), p.head(), tip, p.base(), p.state(),
                            Mergeability.UNKNOWN, p.url(), p.author(), null, p.createdAt(), clock.instant());
                    store.updatePullRequest(repository, p);
                    store.addTimeline(repository, p.number(), new TimelineEntry(clock.instant(), "pushed",
                            BuiltinForge.ACTOR, p.head() + " now at " + tip.substring(0, 10)));
                    checks.start(repository, p);
                }
                String baseTip = GitReads.tip(repo, p.base());
                Mergeability m = baseTip == null || p.headSha() == null ? Mergeability.UNKNOWN
                        : Merger.mergeability(repo, baseTip, p.headSha());
                if (m == Mergeability.CLEAN && checks.rollup(repository, p).state() != CheckRollup.State.SUCCESS) {
                    m = Mergeability.BLOCKED;
                }
                return new PullRequest(p.number(), p.title(), p.body(), p.head(), p.headSha(), p.base(), p.state(), m,
                        p.url(), p.author(), p.mergeCommit(), p.createdAt(), p.updatedAt());
            }
        }
    }

    List<PullRequestCommit> commits(String repository, int number) {
        PullRequest p = pullRequest(repository, number);
        try (Repository repo = repos.open(repository)) {
            return GitReads.commits(repo, p.merged() ? baseBefore(repo, p) : GitReads.tip(repo, p.base()),
                    p.headSha());
        }
    }

    List<FileChange> files(String repository, int number) {
        PullRequest p = pullRequest(repository, number);
        try (Repository repo = repos.open(repository)) {
            return GitReads.files(repo, p.merged() ? baseBefore(repo, p) : GitReads.tip(repo, p.base()), p.headSha());
        }
    }

    /** For a merged pull request: the base as it was before the merge (the merge commit's first parent). */
    private static String baseBefore(Repository repo, PullRequest p) {
        if (p.mergeCommit() == null || p.mergeCommit().equals(p.headSha())) {
            return null;
        }
        try (var walk = new RevWalk(repo)) {
            var c = walk.parseCommit(ObjectId.fromString(p.mergeCommit()));
            return c.getParentCount() == 0 ? null : c.getParent(0).name();
        } catch (IOException e) {
            throw Problem.unavailable("cannot read the merge commit: " + e.getMessage());
        }
    }

    /** Held while a repository's pull requests are refreshed or merged, so a head moves under neither. */
    Object lock(String repository) {
        return locks.computeIfAbsent(repository, k -> new Object());
    }
}

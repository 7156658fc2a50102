package dev.voxloop.forge.builtin;

import dev.voxloop.core.forge.Check;
import dev.voxloop.core.forge.CheckRollup;
import dev.voxloop.core.forge.CodeForge;
import dev.voxloop.core.forge.FileChange;
import dev.voxloop.core.forge.ForgeRepository;
import dev.voxloop.core.forge.ForgeStore;
import dev.voxloop.core.forge.HostedRepository;
import dev.voxloop.core.forge.MergeOutcome;
import dev.voxloop.core.forge.MergeRequest;
import dev.voxloop.core.forge.Mergeability;
import dev.voxloop.core.forge.PullRequest;
import dev.voxloop.core.forge.PullRequestComment;
import dev.voxloop.core.forge.PullRequestCommit;
import dev.voxloop.core.forge.PullRequestDraft;
import dev.voxloop.core.forge.PullRequestState;
import dev.voxloop.core.forge.RepositoryHosting;
import dev.voxloop.core.forge.Review;
import dev.voxloop.core.forge.ReviewDraft;
import dev.voxloop.core.forge.TimelineEntry;
import dev.voxloop.core.problem.Problem;
import dev.voxloop.forge.hosting.BareRepositories;
import dev.voxloop.forge.hosting.GitHttp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.eclipse.jgit.lib.Repository;

/**
 * The forge voxloop hosts itself: pull requests and reviews in the database ({@link ForgeStore}), git objects in
 * bare repositories ({@link BareRepositories}), checks from the built-in CI ({@link CheckRunner}). A pull request's
 * head follows its branch: whenever the branch moved (a push over HTTP, or found on the next read) the new head is
 * recorded on the timeline and its checks start. Merges need every required check green on the expected head and a
 * branch that is up to date with its base ({@link Merger}).
 */
public final class BuiltinForge implements CodeForge, RepositoryHosting {

    public static final String NAME = "builtin";
    public static final String ACTOR = "voxloop";

    private final ForgeStore store;
    private final BareRepositories repos;
    private final Supplier<String> publicUrl;
    private final Clock clock;
    private final Map<String, Object> locks = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile CheckRunner checks;

    public BuiltinForge(ForgeStore store, BareRepositories repos, Supplier<String> publicUrl, Clock clock) {
        this.store = store;
        this.repos = repos;
        this.publicUrl = publicUrl;
        this.clock = clock;
    }

    /** The CI that checks pull requests (set once at wiring: the CI reads pull requests through this forge). */
    public void checkWith(CheckRunner runner) {
        this.checks = runner;
    }

    @Override
    public String name() {
        return NAME;
    }

    public ForgeStore store() {
        return store;
    }

    public BareRepositories bareRepositories() {
        return repos;
    }

    @Override
    public ForgeRepository repository(String name) {
        HostedRepository r = hosted(name);
        String base = publicUrl.get();
        return new ForgeRepository(r.name(), r.defaultBranch(), base == null ? repos.path(name).toString()
                : base + "/git/" + name + ".git", base == null ? null : base + "/#/repos/" + name);
    }

    @Override
    public HostedRepository importRepository(String source, String name) {
        if (source == null || source.isBlank()) {
            throw Problem.invalid("source", "say which repository to import: a path or a URL");
        }
        String n = name != null && !name.isBlank() ? name
                : source.replaceAll("[/\\\\]+$", "").replaceAll(".*[/\\\\:]", "").replaceAll("\\.git$", "");
        HostedRepository probe;
        try {
            probe = new HostedRepository(n, "main", null, clock.instant());
        } catch (IllegalArgumentException e) {
            throw Problem.invalid("name", e.getMessage());
        }
        if (store.repository(n).isPresent()) {
            throw Problem.conflict("a repository named " + n + " is already hosted");
        }
        String branch = repos.importFrom(source, probe.name());
        HostedRepository r = new HostedRepository(n, branch, BareRepositories.withoutCredentials(source),
                clock.instant());
        try {
            store.addRepository(r);
        } catch (RuntimeException e) {
            BareRepositories.deleteQuietly(repos.path(n));
            throw e;
        }
        return r;
    }

    @Override
    public java.util.List<HostedRepository> repositories() {
        return store.repositories();
    }

    HostedRepository hosted(String name) {
        return store.repository(name).orElseThrow(() -> Problem.notFound("no hosted repository named " + name));
    }

    // ---- pull requests ------------------------------------------------------------------------------------------

    @Override
    public PullRequest open(String repository, PullRequestDraft draft) {
        hosted(repository);
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
        PullRequest pr = store.createPullRequest(repository, draft, ACTOR, url, head, clock.instant());
        if (pr.createdAt().equals(pr.updatedAt()) && store.timeline(repository, pr.number()).isEmpty()) {
            store.addTimeline(repository, pr.number(), new TimelineEntry(clock.instant(), "opened", ACTOR,
                    draft.head() + " into " + draft.base() + " at " + head.substring(0, 10)));
        }
        startChecks(repository, pr);
        return pullRequest(repository, pr.number());
    }

    @Override
    public Optional<PullRequest> findOpen(String repository, String headBranch) {
        return store.openPullRequest(repository, headBranch).map(p -> pullRequest(repository, p.number()));
    }

    @Override
    public PullRequest pullRequest(String repository, int number) {
        PullRequest stored = store.pullRequest(repository, number).orElseThrow(() -> Problem.notFound(
                "pull request #" + number + " does not exist in " + repository));
        return refreshed(repository, stored);
    }

    @Override
    public List<PullRequest> pullRequests(String repository, PullRequestState state, int limit) {
        hosted(repository);
        return store.pullRequests(repository, state, limit).stream().map(p -> refreshed(repository, p)).toList();
    }

    @Override
    public PullRequest edit(String repository, int number, String title, String body) {
        PullRequest p = pullRequest(repository, number);
        store.updatePullRequest(repository, new PullRequest(p.number(), title == null ? p.title() : title,
                body == null ? p.body() : body, p.head(), p.headSha(), p.base(), p.state(), p.mergeable(), p.url(),
                p.author(), p.mergeCommit(), p.createdAt(), clock.instant()));
        return pullRequest(repository, number);
    }

    @Override
    public PullRequest close(String repository, int number) {
        PullRequest p = pullRequest(repository, number);
        if (p.open()) {
            store.updatePullRequest(repository, with(p, PullRequestState.CLOSED, null, clock.instant()));
            store.addTimeline(repository, number, new TimelineEntry(clock.instant(), "closed", ACTOR,
                    "closed without merging"));
        }
        return pullRequest(repository, number);
    }

    /** A push over HTTP moved these refs: pull requests on those branches get their new head and checks. */
    public void pushed(String repository, List<GitHttp.PushedRef> refs) {
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
                    store.addTimeline(repository, p.number(), new TimelineEntry(clock.instant(), "pushed", ACTOR,
                            p.head() + " now at " + tip.substring(0, 10)));
                    startChecks(repository, p);
                }
                String baseTip = GitReads.tip(repo, p.base());
                Mergeability m = baseTip == null || p.headSha() == null ? Mergeability.UNKNOWN
                        : Merger.mergeability(repo, baseTip, p.headSha());
                if (m == Mergeability.CLEAN && rollup(repository, p).state() != CheckRollup.State.SUCCESS) {
                    m = Mergeability.BLOCKED;
                }
                return new PullRequest(p.number(), p.title(), p.body(), p.head(), p.headSha(), p.base(), p.state(), m,
                        p.url(), p.author(), p.mergeCommit(), p.createdAt(), p.updatedAt());
            }
        }
    }

    private void startChecks(String repository, PullRequest p) {
        CheckRunner ci = checks;
        if (ci != null && p.headSha() != null && store.checks(repository, p.headSha()).isEmpty()) {
            ci.start(repository, p);
        }
    }

    @Override
    public List<PullRequestCommit> commits(String repository, int number) {
        PullRequest p = pullRequest(repository, number);
        try (Repository repo = repos.open(repository)) {
            return GitReads.commits(repo, p.merged() ? baseBefore(repo, p) : GitReads.tip(repo, p.base()),
                    p.headSha());
        }
    }

    @Override
    public List<FileChange> files(String repository, int number) {
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
        try (var walk = new org.eclipse.jgit.revwalk.RevWalk(repo)) {
            var c = walk.parseCommit(org.eclipse.jgit.lib.ObjectId.fromString(p.mergeCommit()));
            return c.getParentCount() == 0 ? null : c.getParent(0).name();
        } catch (java.io.IOException e) {
            throw Problem.unavailable("cannot read the merge commit: " + e.getMessage());
        }
    }

    // ---- checks -------------------------------------------------------------------------------------------------

    @Override
    public List<Check> checks(String repository, String headSha) {
        hosted(repository);
        Map<String, Check> newest = new LinkedHashMap<>();
        for (Check c : store.checks(repository, headSha)) {
            newest.remove(c.name());
            newest.put(c.name(), c);
        }
        return List.copyOf(newest.values());
    }

    @Override
    public String checkLog(String repository, String checkId) {
        return store.log(repository, checkId);
    }

    @Override
    public void rerun(String repository, String checkId) {
        Check c = store.check(repository, checkId).orElseThrow(() -> Problem.notFound("check " + checkId
                + " does not exist in " + repository));
        if (!c.completed()) {
            throw Problem.conflict("check " + c.name() + " is still running");
        }
        if (checks == null) {
            throw Problem.unavailable("no CI is configured to run checks");
        }
        checks.rerun(repository, c);
    }

    @Override
    public Set<String> requiredChecks(String repository, String branch) {
        hosted(repository);
        return Set.of();
    }

    CheckRollup rollup(String repository, PullRequest p) {
        return CheckRollup.of(checks(repository, p.headSha()), requiredChecks(repository, p.base()));
    }

    // ---- conversation -------------------------------------------------------------------------------------------

    @Override
    public List<PullRequestComment> comments(String repository, int number) {
        pullRequest(repository, number);
        return store.comments(repository, number);
    }

    @Override
    public PullRequestComment comment(String repository, int number, String body) {
        pullRequest(repository, number);
        PullRequestComment c = store.addComment(repository, number, ACTOR, body, clock.instant());
        store.addTimeline(repository, number, new TimelineEntry(c.createdAt(), "commented", c.author(),
                firstLine(body)));
        return c;
    }

    @Override
    public List<Review> reviews(String repository, int number) {
        pullRequest(repository, number);
        return store.reviews(repository, number);
    }

    @Override
    public Review submitReview(String repository, int number, ReviewDraft draft) {
        PullRequest p = pullRequest(repository, number);
        Review r = store.addReview(repository, number, new Review(null, ACTOR, draft.verdict().state(), draft.body(),
                p.headSha(), clock.instant(), draft.comments()));
        store.addTimeline(repository, number, new TimelineEntry(r.submittedAt(), "reviewed", r.author(),
                r.state().name().toLowerCase(java.util.Locale.ROOT) + (r.body().isBlank() ? "" : ": "
                        + firstLine(r.body()))));
        return r;
    }

    // ---- merge and branches -------------------------------------------------------------------------------------

    @Override
    public MergeOutcome merge(String repository, int number, MergeRequest request) {
        return new Merging(this, store, repos, clock).merge(repository, number, request);
    }

    @Override
    public void deleteBranch(String repository, String branch) {
        HostedRepository r = hosted(repository);
        if (r.defaultBranch().equals(branch)) {
            throw Problem.conflict("the default branch " + branch + " cannot be deleted");
        }
        try (Repository repo = repos.open(repository)) {
            var ref = repo.exactRef("refs/heads/" + branch);
            if (ref == null) {
                return;
            }
            var u = repo.updateRef(ref.getName());
            u.setForceUpdate(true);
            u.delete();
        } catch (java.io.IOException e) {
            throw Problem.unavailable("cannot delete branch " + branch + ": " + e.getMessage());
        }
    }

    Object lock(String repository) {
        return locks.computeIfAbsent(repository, k -> new Object());
    }

    static PullRequest with(PullRequest p, PullRequestState state, String mergeCommit, java.time.Instant now) {
        return new PullRequest(p.number(), p.title(), p.body(), p.head(), p.headSha(), p.base(), state,
                Mergeability.UNKNOWN, p.url(), p.author(), mergeCommit, p.createdAt(), now);
    }

    static String firstLine(String s) {
        String t = s == null ? "" : s.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl);
    }
}

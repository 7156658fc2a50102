package dev.voxloop.forge.builtin;

import dev.voxloop.core.forge.Check;
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
import dev.voxloop.forge.hosting.BareRepositories;
import dev.voxloop.forge.hosting.GitHttp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The forge voxloop hosts itself: pull requests and reviews in the database ({@link ForgeStore}), git objects in
 * bare repositories ({@link BareRepositories}), checks from the built-in CI ({@link CheckRunner}). Each concern has
 * its class beside this one: {@link Hosting} (repositories and branches), {@link PullRequests} (a pull request's
 * head follows its branch), {@link Checks}, {@link Conversation} (comments and reviews) and {@link Merging} (every
 * required check green on the expected head and a branch up to date with its base, see {@link Merger}).
 */
public final class BuiltinForge implements CodeForge, RepositoryHosting {

    public static final String NAME = "builtin";
    public static final String ACTOR = "voxloop";

    private final ForgeStore store;
    private final BareRepositories repos;
    private final Hosting hosting;
    private final Checks checks;
    private final PullRequests pullRequests;
    private final Conversation conversation;
    private final Merging merging;

    public BuiltinForge(ForgeStore store, BareRepositories repos, Supplier<String> publicUrl, Clock clock) {
        this.store = store;
        this.repos = repos;
        this.hosting = new Hosting(store, repos, publicUrl, clock);
        this.checks = new Checks(store, hosting);
        this.pullRequests = new PullRequests(store, repos, hosting, checks, publicUrl, clock);
        this.conversation = new Conversation(store, pullRequests, clock);
        this.merging = new Merging(pullRequests, checks, store, repos, clock);
    }

    /** The CI that checks pull requests (set once at wiring: the CI reads pull requests through this forge). */
    public void checkWith(CheckRunner runner) {
        checks.runWith(runner);
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

    // ---- repositories -------------------------------------------------------------------------------------------

    @Override
    public ForgeRepository repository(String name) {
        return hosting.repository(name);
    }

    @Override
    public HostedRepository importRepository(String source, String name) {
        return hosting.importRepository(source, name);
    }

    @Override
    public List<HostedRepository> repositories() {
        return hosting.repositories();
    }

    @Override
    public void deleteBranch(String repository, String branch) {
        hosting.deleteBranch(repository, branch);
    }

    // ---- pull requests ------------------------------------------------------------------------------------------

    @Override
    public PullRequest open(String repository, PullRequestDraft draft) {
        return pullRequests.open(repository, draft);
    }

    @Override
    public Optional<PullRequest> findOpen(String repository, String headBranch) {
        return pullRequests.findOpen(repository, headBranch);
    }

    @Override
    public PullRequest pullRequest(String repository, int number) {
        return pullRequests.pullRequest(repository, number);
    }

    @Override
    public List<PullRequest> pullRequests(String repository, PullRequestState state, int limit) {
        return pullRequests.pullRequests(repository, state, limit);
    }

    @Override
    public PullRequest edit(String repository, int number, String title, String body) {
        return pullRequests.edit(repository, number, title, body);
    }

    @Override
    public PullRequest close(String repository, int number) {
        return pullRequests.close(repository, number);
    }

    /** A push over HTTP moved these refs: pull requests on those branches get their new head and checks. */
    public void pushed(String repository, List<GitHttp.PushedRef> refs) {
        pullRequests.pushed(repository, refs);
    }

    @Override
    public List<PullRequestCommit> commits(String repository, int number) {
        return pullRequests.commits(repository, number);
    }

    @Override
    public List<FileChange> files(String repository, int number) {
        return pullRequests.files(repository, number);
    }

    // ---- checks -------------------------------------------------------------------------------------------------

    @Override
    public List<Check> checks(String repository, String headSha) {
        return checks.checks(repository, headSha);
    }

    @Override
    public String checkLog(String repository, String checkId) {
        return checks.log(repository, checkId);
    }

    @Override
    public void rerun(String repository, String checkId) {
        checks.rerun(repository, checkId);
    }

    @Override
    public Set<String> requiredChecks(String repository, String branch) {
        return checks.required(repository, branch);
    }

    // ---- conversation -------------------------------------------------------------------------------------------

    @Override
    public List<PullRequestComment> comments(String repository, int number) {
        return conversation.comments(repository, number);
    }

    @Override
    public PullRequestComment comment(String repository, int number, String body) {
        return conversation.comment(repository, number, body);
    }

    @Override
    public List<Review> reviews(String repository, int number) {
        return conversation.reviews(repository, number);
    }

    @Override
    public Review submitReview(String repository, int number, ReviewDraft draft) {
        return conversation.submit(repository, number, draft);
    }

    // ---- merge --------------------------------------------------------------------------------------------------

    @Override
    public MergeOutcome merge(String repository, int number, MergeRequest request) {
        return merging.merge(repository, number, request);
    }

    /** The pull request in a new state (closed or merged), its mergeability no longer known. */
    static PullRequest with(PullRequest p, PullRequestState state, String mergeCommit, Instant now) {
        return new PullRequest(p.number(), p.title(), p.body(), p.head(), p.headSha(), p.base(), state,
                Mergeability.UNKNOWN, p.url(), p.author(), mergeCommit, p.createdAt(), now);
    }
}

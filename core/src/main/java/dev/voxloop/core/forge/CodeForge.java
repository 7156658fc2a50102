package dev.voxloop.core.forge;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Port: where code is hosted and changes are proposed, checked, reviewed and merged (the built-in forge, GitHub).
 *
 * <p>{@code repository} names a repository the way the forge does: {@code trackit} on the built-in forge,
 * {@code owner/name} on GitHub. Pull requests are numbered per repository. Commits are full hex SHAs.
 *
 * <p>Side effects are safe to retry: {@link #open} looks up an open pull request for the head branch before it
 * creates one, {@link #merge} is guarded by the expected head commit and reports a pull request that is already
 * merged, {@link #deleteBranch} of a branch that is gone is not an error. A caller that crashed after a call and
 * before recording its result may therefore simply call again.
 *
 * <p>Failures are {@link dev.voxloop.core.problem.Problem}s: {@code NOT_FOUND} for an unknown repository, pull
 * request or check, {@code UNAUTHORIZED} for missing or insufficient credentials, {@code CONFLICT} when the
 * forge refuses a change because of the pull request's state, {@code TOO_MANY_REQUESTS}, {@code UPSTREAM},
 * {@code UNAVAILABLE} or {@code TIMEOUT} when the forge could not answer (these are worth retrying).
 */
public interface CodeForge {

    /** Short name for logs and configuration: {@code builtin}, {@code github}. */
    String name();

    /** The repository: default branch, clone URL (never with credentials in it), web page. */
    ForgeRepository repository(String repository);

    /**
     * Opens a pull request from {@code draft.head()} into {@code draft.base()}, exactly once: if an open pull request
     * for that head branch exists (made by an earlier attempt that crashed or timed out) it is returned as it is,
     * and no second one is created. GitHub: {@code GET /pulls?head=owner:branch&state=open} before
     * {@code POST /pulls}, and again after a timeout or a 5xx, since the create may have happened.
     */
    PullRequest open(String repository, PullRequestDraft draft);

    /** The open pull request whose head is {@code headBranch}, if any. */
    Optional<PullRequest> findOpen(String repository, String headBranch);

    /** One pull request with its current head commit and merge state. */
    PullRequest pullRequest(String repository, int number);

    /** Newest first; {@code state} null for every state. */
    List<PullRequest> pullRequests(String repository, PullRequestState state, int limit);

    /** Replaces the title and body (null leaves a field as it is). GitHub: {@code PATCH /pulls/{n}}. */
    PullRequest edit(String repository, int number, String title, String body);

    /** Closes without merging (a person's decision). Closing a closed pull request is not an error. */
    PullRequest close(String repository, int number);

    /** The commits of the pull request, oldest first. */
    List<PullRequestCommit> commits(String repository, int number);

    /** The files the pull request changes against its base, each with its unified-diff hunks. */
    List<FileChange> files(String repository, int number);

    /**
     * Every check reported for {@code headSha} (one per check name: the newest run of each), whatever produced it:
     * the built-in CI, GitHub check runs and commit statuses. A check still running has status QUEUED or IN_PROGRESS
     * and no conclusion.
     */
    List<Check> checks(String repository, String headSha);

    /**
     * The log of one check (for a check still running: what it printed so far). May be cut to its last part when
     * very long; the failure is at the end. GitHub: the failed job's log from the Actions API.
     */
    String checkLog(String repository, String checkId);

    /**
     * Runs a finished check again on the same commit (an infrastructure or flaky failure). The new run replaces the
     * old one in {@link #checks}. GitHub: re-run the failed jobs of the check's workflow run.
     */
    void rerun(String repository, String checkId);

    /**
     * Names of the checks that must succeed before {@code branch} accepts a merge (GitHub: branch protection's
     * required status checks). Empty means every reported check is required.
     */
    Set<String> requiredChecks(String repository, String branch);

    /** Conversation comments on the pull request, oldest first. */
    List<PullRequestComment> comments(String repository, int number);

    PullRequestComment comment(String repository, int number, String body);

    /** Reviews, oldest first, including those of people and other bots. */
    List<Review> reviews(String repository, int number);

    /** Posts a review with optional line comments on the diff. */
    Review submitReview(String repository, int number, ReviewDraft draft);

    /**
     * Merges with {@code request.method()} if and only if the pull request's head is still
     * {@code request.expectedHead()}. A pull request that is already merged at that head returns
     * {@link MergeOutcome.Merged} with {@code alreadyMerged} true and the recorded merge commit, so a retry after a
     * crash merges nothing twice. A moved head is {@link MergeOutcome.HeadMoved}; a pull request the forge will not
     * merge (conflicts, base moved and an update is required, failing required checks, closed) is
     * {@link MergeOutcome.NotMergeable}. GitHub: {@code PUT /pulls/{n}/merge} with {@code sha} and
     * {@code merge_method} (405 not mergeable, 409 head moved).
     */
    MergeOutcome merge(String repository, int number, MergeRequest request);

    /** Deletes a branch; a branch that does not exist is not an error. The default branch is refused. */
    void deleteBranch(String repository, String branch);
}

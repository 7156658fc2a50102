package dev.voxloop.core.forge;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port: what the built-in forge persists (hosted repositories, pull requests with their timeline, comments and
 * reviews, CI checks with their logs). The git objects themselves live in bare repositories on disk.
 */
public interface ForgeStore {

    /** Adds a repository; CONFLICT when the name is taken. */
    void addRepository(HostedRepository repository);

    Optional<HostedRepository> repository(String name);

    /** By name. */
    List<HostedRepository> repositories();

    /**
     * Creates a pull request with the repository's next number, unless one is open for the same head branch: then
     * that one is returned (a unique constraint on open heads backs this under concurrency).
     */
    PullRequest createPullRequest(String repository, PullRequestDraft draft, String author, String url, String headSha,
                                  Instant now);

    Optional<PullRequest> pullRequest(String repository, int number);

    Optional<PullRequest> openPullRequest(String repository, String headBranch);

    /** Newest first; state null for all. */
    List<PullRequest> pullRequests(String repository, PullRequestState state, int limit);

    /** Replaces title, body, head commit, state and merge commit of an existing pull request. */
    void updatePullRequest(String repository, PullRequest pullRequest);

    void addTimeline(String repository, int number, TimelineEntry entry);

    /** Oldest first. */
    List<TimelineEntry> timeline(String repository, int number);

    PullRequestComment addComment(String repository, int number, String author, String body, Instant at);

    List<PullRequestComment> comments(String repository, int number);

    /** Stores a review (its id is assigned) with its line comments. */
    Review addReview(String repository, int number, Review review);

    List<Review> reviews(String repository, int number);

    /** Stores a new check run (its id is assigned). */
    Check addCheck(String repository, Check check);

    /** Replaces the status, conclusion, times, summary and failing tests of a check run. */
    void updateCheck(String repository, Check check);

    Optional<Check> check(String repository, String id);

    /** Every check run on the commit, oldest first (re-runs included). */
    List<Check> checks(String repository, String headSha);

    /** Appends to a check's log (kept with the check, readable while it runs). */
    void appendLog(String repository, String checkId, String text);

    String log(String repository, String checkId);
}

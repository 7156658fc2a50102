package dev.voxloop.core.review;

import java.util.List;
import java.util.Optional;

/**
 * Port: the reviews voxloop made or took in, kept with their run. One review per run, reviewer and head commit:
 * recording it again (a step retried after a crash) returns the one already kept.
 */
public interface ReviewLog {

    /** Keeps {@code review} (its {@code headSha} must be set) unless this run's reviewer already judged that head. */
    StoredReview record(String runId, String ticketKey, String repository, int pullRequest, int round, Review review);

    /** Notes the forge's id once the review is posted. */
    void posted(long id, String forgeReviewId);

    /** The run's reviews, oldest first. */
    List<StoredReview> forRun(String runId);

    /** The reviews of one pull request over all its runs, oldest first. */
    List<StoredReview> forPullRequest(String repository, int pullRequest);

    Optional<StoredReview> find(String runId, String reviewer, String headSha);
}

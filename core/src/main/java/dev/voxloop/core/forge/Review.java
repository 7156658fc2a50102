package dev.voxloop.core.forge;

import java.time.Instant;
import java.util.List;

/**
 * A review on a pull request by a person, a bot or voxloop's reviewers.
 *
 * @param commitSha the head commit the review looked at (a review of an older head may be stale)
 * @param comments  comments on lines of the diff
 */
public record Review(String id, String author, State state, String body, String commitSha, Instant submittedAt,
                     List<ReviewComment> comments) {

    public Review {
        body = body == null ? "" : body;
        comments = comments == null ? List.of() : List.copyOf(comments);
    }

    /** GitHub's review states. */
    public enum State {
        APPROVED, CHANGES_REQUESTED, COMMENTED, DISMISSED, PENDING
    }
}

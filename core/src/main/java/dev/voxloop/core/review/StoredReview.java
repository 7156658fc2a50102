package dev.voxloop.core.review;

import java.time.Instant;
import java.util.Objects;

/**
 * A review as voxloop keeps it: which run and pull request it judged, in which round, and whether it was posted to
 * the forge.
 *
 * @param round         1 for the first review of the run's pull request, 2 after the first fix turn, ...
 * @param forgeReviewId the forge's id of the posted review, or null while it is not posted
 */
public record StoredReview(long id, String runId, String ticketKey, String repository, int pullRequest, int round,
                           Review review, String forgeReviewId, Instant createdAt) {

    public StoredReview {
        Objects.requireNonNull(review, "review");
    }
}

package dev.voxloop.core.review;

/**
 * Why a reviewer gave no review: a closed set, so that the review's policy (not the reviewer) decides what a
 * missing review means. A reviewer never turns either into an approval.
 */
public abstract sealed class ReviewFailure extends RuntimeException {

    private final String reviewer;

    private ReviewFailure(String reviewer, String message, Throwable cause) {
        super(message, cause);
        this.reviewer = reviewer;
    }

    /** The reviewer's {@link Reviewer#name()}. */
    public String reviewer() {
        return reviewer;
    }

    /** The reviewer could not be asked: its server is down or too slow, its credentials were refused. */
    public static final class Unavailable extends ReviewFailure {
        public Unavailable(String reviewer, String message, Throwable cause) {
            super(reviewer, message, cause);
        }
    }

    /** The reviewer answered, but not with a review: not JSON, or not the review schema even after a repair. */
    public static final class Unusable extends ReviewFailure {
        public Unusable(String reviewer, String message) {
            super(reviewer, message, null);
        }
    }
}

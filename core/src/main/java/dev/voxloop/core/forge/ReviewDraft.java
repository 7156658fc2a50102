package dev.voxloop.core.forge;

import java.util.List;

/**
 * A review to post: a verdict, a body and line comments (GitHub: {@code POST /pulls/{n}/reviews} with
 * {@code event} APPROVE, REQUEST_CHANGES or COMMENT).
 */
public record ReviewDraft(Verdict verdict, String body, List<ReviewComment> comments) {

    public ReviewDraft {
        body = body == null ? "" : body;
        comments = comments == null ? List.of() : List.copyOf(comments);
    }

    public enum Verdict {
        APPROVE, REQUEST_CHANGES, COMMENT;

        /** The state a review posted with this verdict has. */
        public Review.State state() {
            return switch (this) {
                case APPROVE -> Review.State.APPROVED;
                case REQUEST_CHANGES -> Review.State.CHANGES_REQUESTED;
                case COMMENT -> Review.State.COMMENTED;
            };
        }
    }
}

package dev.voxloop.core.review;

/** What a review concludes about the change as a whole. */
public enum Verdict {
    /** Nothing stands in the way of merging. */
    APPROVE,
    /** At least one finding must be dealt with before the change merges. */
    REQUEST_CHANGES,
    /** Findings worth reading that block nothing. */
    COMMENT
}

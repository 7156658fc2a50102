package dev.voxloop.core.forge;

/** A pull request is open, closed without merging, or merged (GitHub: state closed with merged true). */
public enum PullRequestState {
    OPEN, CLOSED, MERGED
}

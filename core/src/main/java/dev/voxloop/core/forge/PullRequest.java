package dev.voxloop.core.forge;

import java.time.Instant;

/**
 * A pull request as the forge holds it now.
 *
 * @param number      per repository
 * @param title       {@code KEY-1: summary} when voxloop opened it
 * @param head        the branch with the change
 * @param headSha     the head branch's commit now (for a merged pull request: the head it was merged at)
 * @param base        the branch it merges into
 * @param mergeable   whether it would merge now; {@link Mergeability#UNKNOWN} once merged or closed
 * @param url         a page a person can open
 * @param mergeCommit the commit the merge made on the base branch, once merged, else null
 */
public record PullRequest(int number, String title, String body, String head, String headSha, String base,
                          PullRequestState state, Mergeability mergeable, String url, String author,
                          String mergeCommit, Instant createdAt, Instant updatedAt) {

    public PullRequest {
        body = body == null ? "" : body;
        mergeable = mergeable == null ? Mergeability.UNKNOWN : mergeable;
    }

    public boolean open() {
        return state == PullRequestState.OPEN;
    }

    public boolean merged() {
        return state == PullRequestState.MERGED;
    }
}

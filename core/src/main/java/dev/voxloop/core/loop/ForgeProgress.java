package dev.voxloop.core.loop;

/**
 * A run's progress past PUSHED: its pull request, the head commit CI judges, healing and merge.
 *
 * @param repository     the forge's repository name
 * @param pullRequest    the pull request's number, 0 before it is opened
 * @param pullRequestUrl a page a person can open, or null
 * @param head           the head commit whose checks decide the next step
 * @param healRounds     healing turns taken (bounded by the project's maximum, 3 by default)
 * @param reruns         checks re-run without the agent on this head (an infrastructure or flaky failure)
 * @param lastFailure    fingerprint of the last classified CI failure ("" when none): the same failure twice in a
 *                       row is stuck
 * @param updates        attempts to bring the branch up to date with a base that moved
 * @param mergeCommit    the commit the merge made on the default branch, once merged
 */
public record ForgeProgress(String repository, int pullRequest, String pullRequestUrl, String head, int healRounds,
                            int reruns, String lastFailure, int updates, String mergeCommit) {

    public static final ForgeProgress NONE = new ForgeProgress(null, 0, null, null, 0, 0, "", 0, null);

    public ForgeProgress {
        lastFailure = lastFailure == null ? "" : lastFailure;
    }

    public ForgeProgress opened(String repo, int number, String url, String headSha) {
        return new ForgeProgress(repo, number, url, headSha, healRounds, reruns, lastFailure, updates, mergeCommit);
    }

    /** A new head was pushed: its checks start over, with no re-runs spent on it yet. */
    public ForgeProgress pushed(String headSha) {
        return new ForgeProgress(repository, pullRequest, pullRequestUrl, headSha, healRounds, 0, lastFailure, updates,
                mergeCommit);
    }

    public ForgeProgress rerun() {
        return new ForgeProgress(repository, pullRequest, pullRequestUrl, head, healRounds, reruns + 1, lastFailure,
                updates, mergeCommit);
    }

    public ForgeProgress healing(String failure) {
        return new ForgeProgress(repository, pullRequest, pullRequestUrl, head, healRounds + 1, reruns, failure,
                updates, mergeCommit);
    }

    public ForgeProgress updating() {
        return new ForgeProgress(repository, pullRequest, pullRequestUrl, head, healRounds, reruns, lastFailure,
                updates + 1, mergeCommit);
    }

    public ForgeProgress merged(String commit) {
        return new ForgeProgress(repository, pullRequest, pullRequestUrl, head, healRounds, reruns, lastFailure,
                updates, commit);
    }

    public boolean hasPullRequest() {
        return pullRequest > 0;
    }
}

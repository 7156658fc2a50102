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
 * @param fixTurnsFrom   the agent turns taken when a review first requested changes (0 while none has): the turns
 *                       after it fix review findings, which review rounds bound, not the implementation's iterations
 */
public record ForgeProgress(String repository, int pullRequest, String pullRequestUrl, String head, int healRounds,
                            int reruns, String lastFailure, int updates, String mergeCommit, int fixTurnsFrom) {

    public static final ForgeProgress NONE = new ForgeProgress(null, 0, null, null, 0, 0, "", 0, null, 0);

    public ForgeProgress(String repository, int pullRequest, String pullRequestUrl, String head, int healRounds,
                         int reruns, String lastFailure, int updates, String mergeCommit) {
        this(repository, pullRequest, pullRequestUrl, head, healRounds, reruns, lastFailure, updates, mergeCommit, 0);
    }

    public ForgeProgress {
        lastFailure = lastFailure == null ? "" : lastFailure;
    }

    public ForgeProgress opened(String repo, int number, String url, String headSha) {
        return new ForgeProgress(repo, number, url, headSha, healRounds, reruns, lastFailure, updates, mergeCommit,
                fixTurnsFrom);
    }

    /** A new head was pushed: its checks start over, with no re-runs spent on it yet. */
    public ForgeProgress pushed(String headSha) {
        return new ForgeProgress(repository, pullRequest, pullRequestUrl, headSha, healRounds, 0, lastFailure, updates,
                mergeCommit, fixTurnsFrom);
    }

    public ForgeProgress rerun() {
        return new ForgeProgress(repository, pullRequest, pullRequestUrl, head, healRounds, reruns + 1, lastFailure,
                updates, mergeCommit, fixTurnsFrom);
    }

    public ForgeProgress healing(String failure) {
        return new ForgeProgress(repository, pullRequest, pullRequestUrl, head, healRounds + 1, reruns, failure,
                updates, mergeCommit, fixTurnsFrom);
    }

    public ForgeProgress updating() {
        return new ForgeProgress(repository, pullRequest, pullRequestUrl, head, healRounds, reruns, lastFailure,
                updates + 1, mergeCommit, fixTurnsFrom);
    }

    public ForgeProgress merged(String commit) {
        return new ForgeProgress(repository, pullRequest, pullRequestUrl, head, healRounds, reruns, lastFailure,
                updates, commit, fixTurnsFrom);
    }

    /** A review requested changes after {@code turns} agent turns; the first such review marks where fixing began. */
    public ForgeProgress reviewFixing(int turns) {
        return fixTurnsFrom > 0 ? this : new ForgeProgress(repository, pullRequest, pullRequestUrl, head, healRounds,
                reruns, lastFailure, updates, mergeCommit, Math.max(1, turns));
    }

    /** True once a review has requested changes: later turns are fix turns. */
    public boolean fixingReview() {
        return fixTurnsFrom > 0;
    }

    public boolean hasPullRequest() {
        return pullRequest > 0;
    }
}

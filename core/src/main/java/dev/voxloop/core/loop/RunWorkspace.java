package dev.voxloop.core.loop;

/**
 * Where a run's work lives. Empty (all null) until the workspace is prepared; kept so another worker can resume
 * the run in the same working tree or re-clone and check out the same branch.
 *
 * @param path         the working tree on the worker's machine
 * @param branch       the task branch, {@code {type}/{KEY}-{slug}}
 * @param baseBranch   the project's default branch
 * @param baseCommit   the default branch's commit the change is measured against
 * @param pushedCommit the commit last pushed to the task branch, or null
 */
public record RunWorkspace(String path, String branch, String baseBranch, String baseCommit, String pushedCommit) {

    /** Not prepared yet. */
    public static final RunWorkspace NONE = new RunWorkspace(null, null, null, null, null);

    public RunWorkspace pushed(String commit) {
        return new RunWorkspace(path, branch, baseBranch, baseCommit, commit);
    }
}

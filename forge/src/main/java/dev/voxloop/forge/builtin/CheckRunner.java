package dev.voxloop.forge.builtin;

import dev.voxloop.core.forge.Check;
import dev.voxloop.core.forge.PullRequest;

/** What runs checks for the built-in forge (the built-in CI). */
public interface CheckRunner {

    /**
     * Starts the checks of the pull request's head commit unless they exist already; registers every check it will
     * run (QUEUED) before it returns, so a reader never sees a partial set as complete.
     */
    void start(String repository, PullRequest pullRequest);

    /** Runs one finished check again on its commit, as a new check run with the same name. */
    void rerun(String repository, Check check);
}

package dev.voxloop.forge.builtin;

import dev.voxloop.core.forge.Check;
import dev.voxloop.core.forge.CheckRollup;
import dev.voxloop.core.forge.ForgeStore;
import dev.voxloop.core.forge.PullRequest;
import dev.voxloop.core.problem.Problem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The built-in forge's checks: what the CI ({@link CheckRunner}) recorded per commit, the newest run of each
 * name counting, and which checks a merge requires (none: any check that ran must pass).
 */
final class Checks {

    private final ForgeStore store;
    private final Hosting hosting;
    private volatile CheckRunner runner;

    Checks(ForgeStore store, Hosting hosting) {
        this.store = store;
        this.hosting = hosting;
    }

    void runWith(CheckRunner runner) {
        this.runner = runner;
    }

    /** Starts the checks of the pull request's head unless its commit has checks already (or no CI is set). */
    void start(String repository, PullRequest p) {
        CheckRunner ci = runner;
        if (ci != null && p.headSha() != null && store.checks(repository, p.headSha()).isEmpty()) {
            ci.start(repository, p);
        }
    }

    /** The newest run of each check on the commit, in the order the names first appeared. */
    List<Check> checks(String repository, String headSha) {
        hosting.hosted(repository);
        Map<String, Check> newest = new LinkedHashMap<>();
        for (Check c : store.checks(repository, headSha)) {
            newest.remove(c.name());
            newest.put(c.name(), c);
        }
        return List.copyOf(newest.values());
    }

    String log(String repository, String checkId) {
        return store.log(repository, checkId);
    }

    void rerun(String repository, String checkId) {
        Check c = store.check(repository, checkId).orElseThrow(() -> Problem.notFound("check " + checkId
                + " does not exist in " + repository));
        if (!c.completed()) {
            throw Problem.conflict("check " + c.name() + " is still running");
        }
        CheckRunner ci = runner;
        if (ci == null) {
            throw Problem.unavailable("no CI is configured to run checks");
        }
        ci.rerun(repository, c);
    }

    Set<String> required(String repository, String branch) {
        hosting.hosted(repository);
        return Set.of();
    }

    /** The pull request's head checks against the base branch's required ones. */
    CheckRollup rollup(String repository, PullRequest p) {
        return CheckRollup.of(checks(repository, p.headSha()), required(repository, p.base()));
    }
}

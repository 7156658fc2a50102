package dev.voxloop.app.demo;

import dev.voxloop.app.GitHubTargets;
import dev.voxloop.core.problem.Problem;
import dev.voxloop.forge.ForgeSettings;
import dev.voxloop.github.GitHubSettings;
import dev.voxloop.loop.forge.ForgeTarget;
import dev.voxloop.loop.workspace.CommandResult;
import dev.voxloop.loop.workspace.Git;
import java.nio.file.Path;

/**
 * {@code voxloop demo --forge github}: the sample's pull request on GitHub's API ({@code github.api_url}) for
 * {@code github.repository}, its branch pushed to {@code remote} (by default the sample's local bare repository).
 * A remote URL first gets the sample's {@code main}, pushed through the credential helper: it must be an empty
 * repository or one that already holds the sample.
 */
public final class GitHubDemo {

    private GitHubDemo() {
    }

    /** The hosting of the sample's origin on GitHub; fails at once with what is missing from the settings. */
    public static DemoRun.Hosting hosting(GitHubSettings github, ForgeSettings forge, String remote) {
        if (github.repository() == null || github.repository().isBlank()) {
            throw new IllegalArgumentException("demo --forge github needs GITHUB_REPOSITORY=owner/name"
                    + " (github.repository)");
        }
        if (!github.configured()) {
            throw new IllegalArgumentException("demo --forge github needs GITHUB_TOKEN (github.token)");
        }
        return origin -> {
            String to = remote == null || remote.isBlank() ? origin.toString() : remote.strip();
            ForgeTarget t = GitHubTargets.target(github, github.repository(), to, forge.mergeMethod(),
                    forge.maxHealRounds());
            if (!Path.of(to).equals(origin)) {
                CommandResult pushed = new Git(origin).remote(t.access()).tryRun("push", "-q", to, "main");
                if (!pushed.ok()) {
                    throw new Problem(Problem.Kind.CONFLICT, "cannot push the sample's main to " + to + " (use an"
                            + " empty repository): " + pushed.tail(400));
                }
            }
            return t;
        };
    }
}

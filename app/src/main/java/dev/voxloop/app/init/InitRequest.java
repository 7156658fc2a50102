package dev.voxloop.app.init;

import java.nio.file.Path;

/**
 * What the person gave {@code voxloop init} on the command line; null means "propose it" (from the existing
 * configuration first, then from what was detected).
 *
 * @param config      the configuration file to write (voxloop.yaml)
 * @param jira        true when tickets live in Jira (the project is not added to the built-in tracker)
 * @param runCommands run the proposed commands once in a clone to show they work and how long they take
 * @param github      {@code owner/name} when tickets live in that repository's GitHub Issues (and its code there),
 *                    else null
 * @param importRepo  import the repository into the built-in forge, so the loop opens pull requests there
 */
public record InitRequest(String repo, String project, String name, String agent, String test, String lint,
                          String coverage, Path config, boolean jira, boolean runCommands, String github,
                          boolean importRepo) {

    public InitRequest {
        if (github != null && !github.matches("[\\w.-]+/[\\w.-]+")) {
            throw new IllegalArgumentException("--github takes owner/name, e.g. octo-org/shop-web, not '" + github + "'");
        }
    }

    /** Without GitHub and without importing. */
    public InitRequest(String repo, String project, String name, String agent, String test, String lint,
                       String coverage, Path config, boolean jira, boolean runCommands) {
        this(repo, project, name, agent, test, lint, coverage, config, jira, runCommands, null, false);
    }
}

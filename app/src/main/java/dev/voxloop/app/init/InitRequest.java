package dev.voxloop.app.init;

import java.nio.file.Path;

/**
 * What the person gave {@code voxloop init} on the command line; null means "propose it" (from the existing
 * configuration first, then from what was detected).
 *
 * @param config      the configuration file to write (voxloop.yaml)
 * @param jira        true when tickets live in Jira (the project is not added to the built-in tracker)
 * @param runCommands run the proposed commands once in a clone to show they work and how long they take
 */
public record InitRequest(String repo, String project, String name, String agent, String test, String lint,
                          String coverage, Path config, boolean jira, boolean runCommands) {
}

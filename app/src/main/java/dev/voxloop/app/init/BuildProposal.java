package dev.voxloop.app.init;

import java.util.List;

/**
 * What {@code voxloop init} found in a repository: the build tool and the commands it proposes for the loop's gates.
 *
 * @param tool           the build tool in words ("Maven", "npm", ...)
 * @param binary         the program those commands need on the machine (mvn, npm, go, ...)
 * @param test           the test command, or null when none could be proposed
 * @param lint           the lint command, or null
 * @param coverage       the coverage command, or null (the coverage gate reads JaCoCo XML)
 * @param coverageReport where the coverage command writes its JaCoCo XML report, or null
 * @param notes          what a person should know about the proposal (a missing script, no coverage format)
 */
public record BuildProposal(String tool, String binary, String test, String lint, String coverage,
                            String coverageReport, List<String> notes) {

    public BuildProposal {
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** Nothing recognised: the person names the commands. */
    public static BuildProposal unknown() {
        return new BuildProposal("unknown", null, null, null, null, null,
                List.of("no build file recognised (pom.xml, build.gradle, package.json, pyproject.toml, go.mod,"
                        + " Cargo.toml); name the test command with --test"));
    }
}

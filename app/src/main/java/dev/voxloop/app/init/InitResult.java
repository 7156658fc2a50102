package dev.voxloop.app.init;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code voxloop init} decided and did.
 *
 * @param changed  the configuration keys whose values changed (empty: the file was left as it was)
 * @param repoFile what happened to the repository's {@code .voxloop/loop.yaml}, or null for a remote repository
 */
public record InitResult(String project, String repository, BuildProposal build, List<CommandTrial.Trial> trials,
                         String agent, List<String> changed, Path config, String repoFile) {

    public InitResult {
        trials = List.copyOf(trials);
        changed = List.copyOf(changed);
    }
}

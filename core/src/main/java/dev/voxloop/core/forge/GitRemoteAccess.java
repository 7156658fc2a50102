package dev.voxloop.core.forge;

import java.util.List;
import java.util.Map;

/**
 * How a git process reaches a forge's remote (clone, fetch, push): options put right after {@code git} and variables
 * added to that one process. Credentials travel only this way, so a remote URL stays free of them wherever it is
 * stored, logged or shown; nothing here reaches the agent's sandbox, whose git commands never get these.
 */
public interface GitRemoteAccess {

    /** A remote that needs nothing: a local path, or a URL git can reach as it is. */
    GitRemoteAccess NONE = new GitRemoteAccess() {
        @Override
        public List<String> options() {
            return List.of();
        }

        @Override
        public Map<String, String> environment() {
            return Map.of();
        }
    };

    /** Options to put right after {@code git}. */
    List<String> options();

    /** Variables to add to the environment of that git process; asked again for each process (tokens expire). */
    Map<String, String> environment();
}

package dev.voxloop.server.http.webhook;

import dev.voxloop.core.forge.ForgeWakeups;
import java.util.Optional;
import java.util.function.Function;

/**
 * What GitHub's webhook needs: the shared secret of {@code X-Hub-Signature-256} (null: the endpoint refuses every
 * delivery), the runs to wake, and which tracker project a repository's issues are.
 *
 * @param projectOf {@code owner/name} to the project key whose tickets are that repository's issues, if any
 */
public record GitHubHooks(String secret, ForgeWakeups wakeups,
                          Function<String, Optional<String>> projectOf) {

    @Override
    public String toString() {
        return "GitHubHooks[secret=" + (secret == null ? "unset" : "***") + "]";
    }
}

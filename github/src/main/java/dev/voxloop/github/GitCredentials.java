package dev.voxloop.github;

import dev.voxloop.core.forge.GitRemoteAccess;
import java.util.List;
import java.util.Map;

/**
 * How a git process pushes to GitHub over HTTPS without the token in the remote URL, in a file or on the command
 * line: a credential helper given inline ({@code -c credential.helper=...}) answers git's {@code get} with the token
 * from one environment variable that is set for that git process only.
 */
public final class GitCredentials implements GitRemoteAccess {

    static final String VARIABLE = "VOXLOOP_GIT_TOKEN";
    private static final String HELPER = "!f() { test \"$1\" = get || exit 0; echo username=x-access-token; "
            + "echo \"password=$" + VARIABLE + "\"; }; f";

    private final Credentials credentials;

    public GitCredentials(Credentials credentials) {
        this.credentials = credentials;
    }

    /** Options to put right after {@code git}: other helpers off, then this one. */
    @Override
    public List<String> options() {
        return List.of("-c", "credential.helper=", "-c", "credential.helper=" + HELPER);
    }

    /** The environment to add to that git process (the token, and no prompt when it is refused). */
    @Override
    public Map<String, String> environment() {
        return Map.of(VARIABLE, credentials.token(), "GIT_TERMINAL_PROMPT", "0");
    }
}

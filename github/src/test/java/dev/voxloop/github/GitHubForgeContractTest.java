package dev.voxloop.github;

import dev.voxloop.core.forge.CodeForge;
import dev.voxloop.core.testing.CodeForgeContract;
import dev.voxloop.peers.github.GitHubPeerPerClass;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * GitHub against the {@link CodeForge} contract: the adapter over HTTP to the in-process GitHub peer (every request
 * validated against GitHub's own OpenAPI description), pushes by stock git over smart HTTP with the token from the
 * credential helper, check runs reported as GitHub Actions reports them. One peer serves the class; each test gets a
 * repository of its own on it.
 */
class GitHubForgeContractTest extends CodeForgeContract {

    @RegisterExtension
    static final GitHubPeerPerClass GITHUB = new GitHubPeerPerClass();
    private PeerRepository hosted;

    @Override
    protected CodeForge newForge() {
        hosted = new PeerRepository(GITHUB.peer(), GITHUB.nextRepository("octo/trackit"), GITHUB.dir());
        return PeerRepository.forge(GITHUB.peer(), Duration.ofSeconds(5));
    }

    @Override
    protected String repository() {
        return hosted.name;
    }

    @Override
    protected String push(String branch, String message, Map<String, String> files, boolean checksPass) {
        return hosted.pushChecked(branch, message, files, checksPass);
    }

    @Override
    protected String tip(String branch) {
        return GITHUB.peer().tip(hosted.name, branch);
    }
}

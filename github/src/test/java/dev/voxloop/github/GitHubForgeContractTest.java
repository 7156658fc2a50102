package dev.voxloop.github;

import dev.voxloop.core.forge.CodeForge;
import dev.voxloop.core.testing.CodeForgeContract;
import dev.voxloop.peers.github.GitHubPeer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * GitHub against the {@link CodeForge} contract: the adapter over HTTP to the in-process GitHub peer (every request
 * validated against GitHub's own OpenAPI description), pushes by stock git over smart HTTP with the token from the
 * credential helper, check runs reported as GitHub Actions reports them. One peer serves the class; each test gets a
 * repository of its own on it.
 */
class GitHubForgeContractTest extends CodeForgeContract {

    @TempDir
    static Path dir;
    private static GitHubPeer peer;
    private static int repositories;
    private PeerRepository hosted;

    @BeforeAll
    static void start() {
        peer = new GitHubPeer(dir.resolve("remote"));
    }

    @AfterAll
    static void stop() {
        try {
            peer.assertClean();
        } finally {
            peer.close();
        }
    }

    @Override
    protected CodeForge newForge() {
        hosted = new PeerRepository(peer, "octo/trackit-" + ++repositories, dir);
        return PeerRepository.forge(peer, Duration.ofSeconds(5));
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
        return peer.tip(hosted.name, branch);
    }
}

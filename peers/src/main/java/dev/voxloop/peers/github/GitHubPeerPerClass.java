package dev.voxloop.peers.github;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One GitHub peer for a whole test class, registered as a static {@code @RegisterExtension} field: started on a
 * temporary directory before the first test, checked for contract violations ({@link GitHubPeer#assertClean()})
 * and closed after the last, the directory then deleted. Each test takes a repository name of its own with
 * {@link #nextRepository(String)}, so tests sharing the peer never see each other's repositories.
 */
public final class GitHubPeerPerClass implements BeforeAllCallback, AfterAllCallback {

    private Path dir;
    private GitHubPeer peer;
    private int repositories;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        dir = Files.createTempDirectory("github-peer-");
        peer = new GitHubPeer(dir.resolve("github"));
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        try {
            peer.assertClean();
        } finally {
            peer.close();
            delete(dir);
        }
    }

    public GitHubPeer peer() {
        return peer;
    }

    /** The class's temporary directory (the peer's repositories live below it): room for clones. */
    public Path dir() {
        return dir;
    }

    /** {@code prefix-N}, a name no other test of the class has used, e.g. {@code octo/trackit-3}. */
    public String nextRepository(String prefix) {
        return prefix + "-" + ++repositories;
    }

    private static void delete(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    p.toFile().setWritable(true);
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}

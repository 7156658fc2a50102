package dev.voxloop.github;

import dev.voxloop.peers.github.GitHubPeer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A repository on the GitHub peer with a working clone made by stock git over smart HTTP, authenticated by
 * {@link GitCredentials} (the token never in the remote URL), and a GitHub forge talking to the peer's API.
 */
final class PeerRepository {

    final GitHubPeer peer;
    final String name;
    final Path work;

    PeerRepository(GitHubPeer peer, String name, Path dir) {
        this.peer = peer;
        this.name = name;
        peer.createRepository(name, Map.of("README.md", "TrackIt\n"));
        this.work = dir.resolve(name.replace('/', '-'));
        git(dir, "clone", "-q", peer.cloneUrl(name), work.toString());
        git(work, "config", "user.name", "voxloop");
        git(work, "config", "user.email", "voxloop@example.com");
    }

    static GitHubForge forge(GitHubPeer peer, Duration timeout) {
        return new GitHubForge(api(peer, timeout));
    }

    static GitHubApi api(GitHubPeer peer, Duration timeout) {
        return new GitHubApi(java.net.URI.create(peer.apiUrl()), new Credentials.Token(peer.token()), timeout, 4,
                Duration.ofSeconds(10), Thread::sleep);
    }

    /** Commits {@code files} on {@code branch} (from main when new), pushes it, and returns the new head. */
    String push(String branch, String message, Map<String, String> files) {
        boolean exists = !git(work, "branch", "--list", branch).isBlank();
        git(work, "checkout", "-q", exists ? branch : "-B", exists ? "--" : branch, exists ? "." : "origin/main");
        if (exists) {
            git(work, "checkout", "-q", branch);
        }
        try {
            for (Map.Entry<String, String> f : files.entrySet()) {
                Files.writeString(work.resolve(f.getKey()), f.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        git(work, "add", "-A");
        git(work, "commit", "-q", "-m", message);
        git(work, "push", "-q", "origin", branch);
        return git(work, "rev-parse", "HEAD").trim();
    }

    /** Pushes and reports one Actions job ({@code test}) on the new head, green or red. */
    String pushChecked(String branch, String message, Map<String, String> files, boolean passes) {
        String sha = push(branch, message, files);
        peer.actions().report(name, sha, "test", passes, passes ? "BUILD SUCCESS\n"
                : "Run mvn test\n[ERROR] Tests run: 3, Failures: 1\n[ERROR] VatTest.roundsHalfUp:12 expected 25 but was 24\n"
                + "##[error]Process completed with exit code 1.\n");
        return sha;
    }

    String git(Path dir, String... args) {
        GitCredentials credentials = new GitCredentials(new Credentials.Token(peer.token()));
        List<String> cmd = new ArrayList<>(List.of("git"));
        cmd.addAll(credentials.options());
        cmd.addAll(List.of(args));
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
            pb.environment().putAll(credentials.environment());
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IllegalStateException("git " + String.join(" ", args) + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

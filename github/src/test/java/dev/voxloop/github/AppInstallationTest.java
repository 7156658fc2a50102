package dev.voxloop.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.voxloop.core.forge.PullRequestDraft;
import dev.voxloop.core.problem.Problem;
import dev.voxloop.peers.github.GitHubPeer;
import java.net.URI;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A GitHub App's installation token: minted with an RS256 JWT, kept while it lives, bought again before it expires. */
class AppInstallationTest {

    @TempDir
    Path dir;

    private static KeyPair keys() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        return g.generateKeyPair();
    }

    /** The key as GitHub hands it out: PKCS#1 PEM (the PKCS#8 DER without its 26-byte wrapper, for 2048 bits). */
    private static String pkcs1Pem(KeyPair k) {
        byte[] pkcs8 = k.getPrivate().getEncoded();
        byte[] pkcs1 = Arrays.copyOfRange(pkcs8, 26, pkcs8.length);
        return "-----BEGIN RSA PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(pkcs1)
                + "\n-----END RSA PRIVATE KEY-----\n";
    }

    @Test
    void oneTokenServesTheApiAndGitUntilItNearsItsEnd() throws Exception {
        KeyPair k = keys();
        try (GitHubPeer peer = new GitHubPeer(dir.resolve("remote"))) {
            peer.apps().install("4242", k.getPublic(), 77);
            AppInstallation app = new AppInstallation(URI.create(peer.apiUrl()), "4242", 77,
                    AppInstallation.privateKey(pkcs1Pem(k)), Clock.systemUTC());
            PeerRepository hosted = new PeerRepository(peer, "octo/app-repo", dir);
            hosted.push("feature/TRACK-2-app", "TRACK-2: by the app", Map.of("A.java", "class A {}\n"));
            GitHubForge forge = new GitHubForge(new GitHubApi(URI.create(peer.apiUrl()), app, Duration.ofSeconds(5),
                    3, Duration.ofSeconds(5), Thread::sleep));

            forge.open("octo/app-repo", new PullRequestDraft("TRACK-2: By the app", "", "feature/TRACK-2-app", "main"));
            forge.pullRequests("octo/app-repo", null, 5);
            assertThat(GitHubDoctor.checkInstallation(new GitHubApi(URI.create(peer.apiUrl()), app,
                    Duration.ofSeconds(5), 3, Duration.ofSeconds(5), Thread::sleep), "octo/app-repo").ok()).isTrue();
            assertThat(peer.apps().minted()).isEqualTo(1);
            assertThat(app.toString()).doesNotContain(app.token());

            peer.apps().lifetime(Duration.ofMinutes(4));
            AppInstallation shortLived = new AppInstallation(URI.create(peer.apiUrl()), "4242", 77,
                    AppInstallation.privateKey(pkcs1Pem(k)), Clock.systemUTC());
            String first = shortLived.token();
            assertThat(shortLived.token()).isNotEqualTo(first);
            assertThat(peer.apps().minted()).isEqualTo(3);
            peer.assertClean();
        }
    }

    @Test
    void aJwtSignedWithAnotherKeyGetsNoToken() throws Exception {
        try (GitHubPeer peer = new GitHubPeer(dir.resolve("remote"))) {
            peer.apps().install("4242", keys().getPublic(), 77);
            KeyPair other = keys();
            String pkcs8 = "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder().encodeToString(other.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----";
            AppInstallation app = new AppInstallation(URI.create(peer.apiUrl()), "4242", 77,
                    AppInstallation.privateKey(pkcs8), Clock.systemUTC());
            assertThatThrownBy(app::token).isInstanceOf(Problem.class).hasMessageContaining("would not give App 4242");
            assertThatThrownBy(() -> AppInstallation.privateKey("not a key"))
                    .hasMessageContaining("github.app.private_key");
        }
    }
}

package dev.voxloop.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voxloop.peers.github.GitHubPeer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The doctor reads the token's scopes and the repository's permissions, and says what is missing. */
class GitHubDoctorTest {

    @TempDir
    Path dir;

    @Test
    void aTokenWithTheRepoScopeIsFineAndOneWithoutItIsNamedMissing() {
        try (GitHubPeer peer = new GitHubPeer(dir).createRepository("octo/trackit", Map.of("README.md", "x\n"))) {
            GitHubApi api = PeerRepository.api(peer, Duration.ofSeconds(2));
            GitHubDoctor.Finding good = GitHubDoctor.check(api, "octo/trackit");
            assertThat(good.ok()).as(good.detail()).isTrue();
            assertThat(good.detail()).contains("repo").contains("may push to octo/trackit");

            peer.scopes("read:org, gist");
            GitHubDoctor.Finding narrow = GitHubDoctor.check(api, "octo/trackit");
            assertThat(narrow.ok()).isFalse();
            assertThat(narrow.detail()).contains("missing scope repo (has: ");

            GitHubDoctor.Finding unknown = GitHubDoctor.check(api, "octo/nothing");
            assertThat(unknown.ok()).isFalse();
            assertThat(unknown.detail()).contains("octo/nothing");
            peer.assertClean();
        }
    }

    @Test
    void aRefusedTokenIsSaidPlainly() {
        try (GitHubPeer peer = new GitHubPeer(dir)) {
            GitHubApi wrong = new GitHubApi(java.net.URI.create(peer.apiUrl()), new Credentials.Token("ghp_wrong"),
                    Duration.ofSeconds(2), 2, Duration.ofSeconds(1), Thread::sleep);
            GitHubDoctor.Finding f = GitHubDoctor.check(wrong, null);
            assertThat(f.ok()).isFalse();
            assertThat(f.detail()).contains("refused the token").doesNotContain("ghp_wrong");
        }
    }
}

package dev.voxloop.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.voxloop.core.config.ConfigTree;
import dev.voxloop.core.forge.PullRequest;
import dev.voxloop.core.forge.PullRequestDraft;
import dev.voxloop.core.intent.IssueType;
import dev.voxloop.core.intent.Priority;
import dev.voxloop.core.ticket.Ticket;
import dev.voxloop.github.GitHubSettings;
import dev.voxloop.loop.LoopSettings;
import dev.voxloop.loop.ProjectConfig;
import dev.voxloop.loop.forge.ForgeTarget;
import dev.voxloop.loop.workspace.BranchPublisher;
import dev.voxloop.loop.workspace.Workspace;
import dev.voxloop.loop.workspace.WorkspacePreparer;
import dev.voxloop.peers.github.GitHubPeer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A loop project configured with {@code forge: github}: its runs' forge is GitHub's API, and its workspace is cloned
 * and its branch pushed over real git smart HTTP (the GitHub peer's remote) through the credential helper, the token
 * nowhere in the clone's configuration.
 */
class GitHubProjectTest {

    private static final String REPO = "octo/shop";

    @TempDir
    Path dir;

    @Test
    void aProjectOnGitHubClonesAndPushesThroughTheCredentialHelperAndOpensItsPullRequestThere() throws Exception {
        try (GitHubPeer peer = new GitHubPeer(dir.resolve("github")).createRepository(REPO,
                Map.of("README.md", "Shop\n"))) {
            ConfigTree tree = new ConfigTree(Map.of("github", Map.of("api_url", peer.apiUrl(), "token", peer.token()),
                    "loop", Map.of("projects", Map.of("SHOP", project(Map.of("forge", "github",
                            "github_repository", REPO, "repo", peer.cloneUrl(REPO)))))));
            try (Voxloop app = Voxloop.open(new AppConfig(tree, dir.resolve("data"), null, List.of()))) {
                LoopSettings loop = LoopSettings.from(tree, dir.resolve("data"));
                ProjectForges forges = new ProjectForges(app.forges(), () -> GitHubSettings.from(tree),
                        loop.projectEntries());
                ProjectConfig shop = loop.project("SHOP");
                ForgeTarget t = forges.target(shop).orElseThrow();
                assertThat(t.forge().name()).isEqualTo("github");
                assertThat(t.repository()).isEqualTo(REPO);
                assertThat(t.cloneSource()).isEqualTo(peer.cloneUrl(REPO)).isEqualTo(forges.cloneSource(shop));
                assertThat(forges.target(shop).orElseThrow()).as("one API client (and ETag cache) per project")
                        .isSameAs(t);

                Workspace ws = new WorkspacePreparer(dir.resolve("workspaces"), null, false).prepare("r1",
                        ticket(), t.cloneSource(), t.access(), "main", null, null, null);
                Files.writeString(ws.dir().resolve("Cart.java"), "class Cart {}\n");
                BranchPublisher.Pushed pushed = new BranchPublisher().commitAndPush(ws, "SHOP-1: add a cart");

                assertThat(pushed.ok()).as(pushed.output()).isTrue();
                assertThat(peer.tip(REPO, ws.branch())).isEqualTo(pushed.head());
                String gitConfig = Files.readString(ws.dir().resolve(".git/config"));
                assertThat(gitConfig).contains(peer.cloneUrl(REPO)).doesNotContain(peer.token());
                assertThat(pushed.output()).doesNotContain(peer.token());
                assertThat(ws.git().tryRun("push", "origin", "HEAD:refs/heads/elsewhere").ok())
                        .as("without the helper the remote refuses: nothing stored lets git in").isFalse();

                PullRequest pr = t.forge().open(REPO, new PullRequestDraft("SHOP-1: Add a cart", "", ws.branch(),
                        "main"));
                assertThat(peer.pulls().numbers(REPO)).containsExactly(pr.number());
                assertThat(pr.headSha()).isEqualTo(pushed.head());
            }
            peer.assertClean();
        }
    }

    @Test
    void aForgeOtherThanBuiltinOrGithubIsRefusedByName() {
        ConfigTree tree = new ConfigTree(Map.of("loop", Map.of("projects", Map.of("SHOP", project(Map.of(
                "forge", "gitlab", "repo", "/tmp/shop"))))));
        assertThatThrownBy(() -> LoopSettings.from(tree, dir)).hasMessageContaining("forge")
                .hasMessageContaining("gitlab");
    }

    @Test
    void aProjectOnGitHubWithoutATokenSaysWhatIsMissing() {
        ConfigTree tree = new ConfigTree(Map.of("github", Map.of("repository", REPO)));
        assertThatThrownBy(() -> GitHubTargets.target(GitHubSettings.from(tree), null, null,
                dev.voxloop.core.forge.MergeMethod.SQUASH, 3)).hasMessageContaining("GITHUB_TOKEN");
    }

    private static Map<String, Object> project(Map<String, Object> keys) {
        Map<String, Object> p = new LinkedHashMap<>(keys);
        p.put("test", "true");
        return p;
    }

    private static Ticket ticket() {
        return new Ticket("SHOP-1", null, "SHOP", "Add a cart", "", List.of(), IssueType.STORY, Priority.MEDIUM,
                List.of(), "To Do", null, null, Instant.now(), Instant.now(), List.of());
    }
}

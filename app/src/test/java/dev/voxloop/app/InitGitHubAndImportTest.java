package dev.voxloop.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voxloop.app.config.ConfigLoader;
import dev.voxloop.app.config.SettingsCatalog;
import dev.voxloop.app.init.Samples;
import dev.voxloop.core.config.ConfigTree;
import dev.voxloop.core.forge.HostedRepository;
import dev.voxloop.core.ticket.Project;
import dev.voxloop.github.GitHubSettings;
import dev.voxloop.loop.LoopSettings;
import dev.voxloop.loop.forge.ForgeTarget;
import dev.voxloop.peers.github.GitHubPeer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code voxloop init --github OWNER/NAME} against the in-process GitHub (whose git remote, like a private
 * repository's, lets nobody in without the token), and {@code init --import} into the built-in forge, each run
 * as a person runs it (the command line, a configuration file, a data directory) and the result used as the server
 * would use it.
 */
class InitGitHubAndImportTest {

    private static final String REPO = "octo/shop";

    @TempDir
    Path dir;

    @Test
    void initOnAGitHubRepositoryClonesWithTheTokenAndSetsUpIssuesAndTheGitHubForge() throws Exception {
        try (GitHubPeer peer = new GitHubPeer(dir.resolve("github")).createRepository(REPO,
                Map.of("README.md", "Shop\n", "Makefile", "test:\n\ttrue\n"))) {
            Path config = dir.resolve("voxloop.yaml");
            Files.writeString(config, "github:\n  api_url: " + peer.apiUrl() + "\n  token: " + peer.token() + "\n");
            Path data = dir.resolve("data");

            int exit = Main.run("init", "--yes", "--no-run", "--github", REPO, "--repo", peer.cloneUrl(REPO),
                    "--project", "SHOP", "--test", "make test", "--agent", "builtin", "--config", config.toString(),
                    "--data", data.toString());

            assertThat(exit).isZero();
            ConfigTree tree = load(config);
            assertThat(tree.string("tracker.kind")).hasValue("github");
            assertThat(tree.strings("github.projects")).containsExactly("SHOP=" + REPO);
            assertThat(tree.string("loop.projects.SHOP.repo")).hasValue(peer.cloneUrl(REPO));
            assertThat(tree.string("loop.projects.SHOP.forge")).hasValue("github");
            assertThat(tree.string("loop.projects.SHOP.github_repository")).hasValue(REPO);
            assertThat(tree.string("loop.projects.SHOP.default_branch")).as("read from the remote with the token")
                    .hasValue("main");
            assertThat(Files.readString(config).split(peer.token(), -1)).as("the token only where the person put it")
                    .hasSize(2);

            try (Voxloop app = Voxloop.open(new AppConfig(tree, data, config, List.of()))) {
                assertThat(app.tracker().name()).isEqualTo("github");
                assertThat(app.tracker().projects()).extracting(Project::key).contains("SHOP");
                LoopSettings loop = LoopSettings.from(tree, data);
                ForgeTarget target = new ProjectForges(app.forges(), () -> GitHubSettings.from(tree),
                        loop.projectEntries()).target(loop.project("SHOP")).orElseThrow();
                assertThat(target.forge().name()).isEqualTo("github");
                assertThat(target.cloneSource()).isEqualTo(peer.cloneUrl(REPO));
            }
            peer.assertClean();
        }
    }

    @Test
    void initOnAGitHubRepositoryTheTokenCannotReachStopsAndWritesNothing() throws Exception {
        try (GitHubPeer peer = new GitHubPeer(dir.resolve("github")).createRepository(REPO, Map.of("a", "b\n"))) {
            Path config = dir.resolve("voxloop.yaml");
            String before = "github:\n  api_url: " + peer.apiUrl() + "\n  token: " + peer.token() + "\n";
            Files.writeString(config, before);

            int exit = Main.run("init", "--yes", "--no-run", "--github", "octo/nowhere", "--project", "SHOP",
                    "--config", config.toString(), "--data", dir.resolve("data").toString());

            assertThat(exit).isEqualTo(1);
            assertThat(Files.readString(config)).isEqualTo(before);
        }
    }

    @Test
    void initImportHostsTheRepositoryOnceAndARerunKeepsTheHostedCopy() throws Exception {
        Path repo = Samples.repository("maven", dir.resolve("shop"));
        Path config = dir.resolve("voxloop.yaml");
        Path data = dir.resolve("data");
        String[] args = {"init", "--yes", "--no-run", "--import", "--repo", repo.toString(), "--project", "SHOP",
            "--agent", "builtin", "--config", config.toString(), "--data", data.toString()};

        assertThat(Main.run(args)).isZero();
        String hosted = load(config).string("loop.projects.SHOP.repo").orElseThrow();
        String written = Files.readString(config);
        assertThat(Main.run(args)).as("a second --import").isZero();
        assertThat(Main.run("init", "--yes", "--no-run", "--repo", repo.toString(), "--project", "SHOP",
                "--agent", "builtin", "--config", config.toString(), "--data", data.toString()))
                .as("a re-run without --import").isZero();

        assertThat(hosted).isEqualTo("shop");
        assertThat(Files.readString(config)).as("re-runs change nothing").isEqualTo(written);
        try (Voxloop app = Voxloop.open(new AppConfig(load(config), data, config, List.of()))) {
            assertThat(app.forges().forge().repositories()).extracting(HostedRepository::name)
                    .containsExactly("shop");
            assertThat(app.forges().forge().repositories().getFirst().source()).isEqualTo(repo.toString());
            assertThat(app.forges().cloneSource(hosted)).as("the loop clones the hosted copy")
                    .isNotEqualTo(repo.toString()).contains("shop");
            assertThat(app.forges().forge().bareRepositories().exists("shop")).isTrue();
        }
    }

    private static ConfigTree load(Path config) {
        return new ConfigLoader(SettingsCatalog.keys()).load(config, null, Map.of()).tree();
    }
}

package dev.voxloop.app;

import dev.voxloop.core.config.ConfigTree;
import dev.voxloop.core.forge.ForgeWakeups;
import dev.voxloop.forge.ForgeSettings;
import dev.voxloop.github.GitHubSettings;
import dev.voxloop.loop.LoopSettings;
import dev.voxloop.loop.workspace.RunSandbox;
import dev.voxloop.server.http.webhook.GitHubHooks;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * The forge stage wired: where pushed branches become pull requests, checks and merges: the built-in forge
 * ({@link Forges}, built on first use) or GitHub, per project ({@link ProjectForges}); GitHub's webhook wakes the
 * runs waiting on a forge ({@link GitHubParts}).
 */
final class ForgeWiring {

    private final AppConfig config;
    private final Supplier<Forges> create;
    private final CloseList closeables;
    /** Webhooks wake the runs waiting on a forge's checks or reviews. */
    private final ForgeWakeups wakeups = new ForgeWakeups();
    private Forges forges;

    ForgeWiring(AppConfig config, Stores stores, Supplier<String> publicUrl, Supplier<RunSandbox> sandbox,
                Clock clock, CloseList closeables) {
        this.config = config;
        this.closeables = closeables;
        this.create = () -> new Forges(ForgeSettings.from(config.tree(), config.dataDir()), stores.database(),
                publicUrl, () -> LoopWiring.settings(config), sandbox.get(), clock);
    }

    /** The built-in forge: hosted repositories, pull requests, CI. */
    synchronized Forges forges() {
        if (forges == null) {
            forges = create.get();
            closeables.add(forges);
        }
        return forges;
    }

    /** Which forge each loop project's runs go on to past the push (GitHub, the built-in forge, or none). */
    ProjectForges projectForges(LoopSettings settings) {
        return new ProjectForges(forges(), () -> GitHubSettings.from(config.tree()), settings.projectEntries());
    }

    /** Ends a run's wait on a forge early when a webhook says the repository changed. */
    ForgeWakeups wakeups() {
        return wakeups;
    }

    /** GitHub's webhook collaborators, or null when no webhook secret is configured. */
    GitHubHooks githubHooks() {
        ConfigTree tree = config.tree();
        return GitHubParts.hooks(GitHubSettings.from(tree), wakeups);
    }
}

package dev.voxloop.forge;

import dev.voxloop.core.config.ConfigTree;
import dev.voxloop.core.config.Key;
import dev.voxloop.core.config.Settings;
import dev.voxloop.core.forge.MergeMethod;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** The forge's settings ({@code forge.*} in voxloop.yaml), each key declared once on its component. */
public record ForgeSettings(
        @Key(path = "forge.repositories", fallback = "{data}/repos", env = "VOXLOOP_FORGE_REPOSITORIES",
                doc = "Directory of the built-in forge's hosted (bare) repositories, served at /git/<name>.git")
        Path repositories,
        @Key(path = "forge.ci.scratch", fallback = "{data}/ci", env = "VOXLOOP_CI_SCRATCH",
                doc = "Where the built-in CI clones head commits (each check's clone is removed after it ran)")
        Path ciScratch,
        @Key(path = "forge.ci.timeout", fallback = "15m", env = "VOXLOOP_CI_TIMEOUT",
                doc = "Time limit of one CI check unless .voxloop/ci.yaml gives the check its own")
        Duration ciTimeout,
        @Key(path = "forge.ci.workers", fallback = "1", env = "VOXLOOP_CI_WORKERS",
                doc = "CI checks that run at the same time (the checks of one head run one after another)")
        int ciWorkers,
        @Key(path = "forge.merge_method", fallback = "squash", env = "VOXLOOP_MERGE_METHOD",
                doc = "How pull requests land on the default branch: squash, merge or rebase")
        MergeMethod mergeMethod,
        @Key(path = "forge.max_heal_rounds", fallback = "3", env = "VOXLOOP_MAX_HEAL_ROUNDS",
                doc = "Healing turns after red CI before the run is BLOCKED")
        int maxHealRounds) {

    public ForgeSettings {
        if (ciWorkers < 1) {
            throw new IllegalArgumentException("forge.ci.workers: must be at least 1, got " + ciWorkers);
        }
        if (maxHealRounds < 0) {
            throw new IllegalArgumentException("forge.max_heal_rounds: must not be negative, got " + maxHealRounds);
        }
    }

    public static ForgeSettings from(ConfigTree t, Path dataDir) {
        return Settings.bind(ForgeSettings.class, t, Map.of("data", dataDir.toString()));
    }
}

package dev.voxloop.forge;

import dev.voxloop.core.config.ConfigKey;
import dev.voxloop.core.config.ConfigTree;
import dev.voxloop.core.forge.MergeMethod;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The forge's settings ({@code forge.*}).
 *
 * @param repositories where hosted bare repositories live (default {@code <data>/repos})
 * @param ciScratch    where CI clones head commits (default {@code <data>/ci})
 * @param ciTimeout    a check's time limit unless its declaration says otherwise
 * @param ciWorkers    checks run at the same time (each head's checks run one after another)
 * @param mergeMethod  squash (default), merge or rebase
 * @param maxHealRounds healing turns after red CI before a run is BLOCKED
 */
public record ForgeSettings(Path repositories, Path ciScratch, Duration ciTimeout, int ciWorkers,
                            MergeMethod mergeMethod, int maxHealRounds) {

    public static final List<ConfigKey> KEYS = List.of(
            ConfigKey.of("forge.repositories", "Directory of the built-in forge's hosted repositories (default"
                    + " <data>/repos)", "VOXLOOP_FORGE_REPOSITORIES"),
            ConfigKey.of("forge.ci.timeout", "Time limit of one CI check unless .voxloop/ci.yaml says otherwise"
                    + " (default 15m)", "VOXLOOP_CI_TIMEOUT"),
            ConfigKey.of("forge.ci.workers", "CI checks that run at the same time (default 1)", "VOXLOOP_CI_WORKERS"),
            ConfigKey.of("forge.merge_method", "How pull requests land: squash (default), merge or rebase",
                    "VOXLOOP_MERGE_METHOD"),
            ConfigKey.of("forge.max_heal_rounds", "Healing turns after failed CI before the run is BLOCKED (default 3)",
                    "VOXLOOP_MAX_HEAL_ROUNDS"));

    public static ForgeSettings from(ConfigTree t, Path dataDir) {
        return new ForgeSettings(Path.of(t.string("forge.repositories", dataDir.resolve("repos").toString())),
                dataDir.resolve("ci"), t.duration("forge.ci.timeout", Duration.ofMinutes(15)),
                Math.max(1, t.integer("forge.ci.workers", 1)),
                MergeMethod.parse(t.string("forge.merge_method", "squash")),
                Math.max(0, t.integer("forge.max_heal_rounds", 3)));
    }
}

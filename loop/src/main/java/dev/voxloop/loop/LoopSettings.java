package dev.voxloop.loop;

import dev.voxloop.core.config.ConfigKey;
import dev.voxloop.core.config.ConfigTree;
import dev.voxloop.core.problem.Problem;
import dev.voxloop.loop.agent.Pricing;
import dev.voxloop.loop.policy.PackageAllowlist;
import dev.voxloop.loop.prompt.Prompts;
import dev.voxloop.loop.run.Budgets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The loop's settings ({@code loop.*} in voxloop.yaml). The {@code LOOP_RUNNER_*} environment names of the
 * runner voxloop replaces are accepted beside voxloop's own.
 */
public record LoopSettings(int workers, Duration lease, Duration poll, int maxAttempts, Path workspaces,
                           String voxloopCommand, boolean installGitHooks, String claudeCommand, int claudeMaxTurns,
                           Pricing pricing, Prompts prompts, Budgets budgets, PackageAllowlist allowlist,
                           Map<String, ProjectConfig> projects) {

    public static final List<ConfigKey> KEYS = List.of(
            ConfigKey.of("loop.workers", "Loop workers run inside 'voxloop serve' (0 = none; 'voxloop worker' runs"
                    + " one per process)", "VOXLOOP_LOOP_WORKERS"),
            ConfigKey.of("loop.lease", "How long a claimed ticket stays leased without a heartbeat (e.g. 5m)",
                    "VOXLOOP_LOOP_LEASE"),
            ConfigKey.of("loop.poll_interval", "How often an idle worker looks for queued tickets",
                    "LOOP_RUNNER_POLL_INTERVAL", "VOXLOOP_LOOP_POLL_INTERVAL"),
            ConfigKey.of("loop.max_attempts", "Runs of one ticket before it goes to the dead-letter list",
                    "LOOP_RUNNER_MAX_RETRIES", "VOXLOOP_LOOP_MAX_ATTEMPTS"),
            ConfigKey.of("loop.workspaces", "Directory for per-run clones (default <data>/workspaces)",
                    "LOOP_RUNNER_REPO_DIR", "VOXLOOP_LOOP_WORKSPACES"),
            ConfigKey.of("loop.voxloop_command", "How agents' hooks and git hooks call voxloop (default 'voxloop')",
                    "VOXLOOP_COMMAND"),
            ConfigKey.of("loop.install_git_hooks", "Install commit-msg and pre-push hooks into each workspace",
                    "VOXLOOP_LOOP_GIT_HOOKS"),
            ConfigKey.of("loop.claude.command", "Claude Code executable", "VOXLOOP_CLAUDE_COMMAND"),
            ConfigKey.of("loop.claude.max_turns", "--max-turns per agent turn", "VOXLOOP_CLAUDE_MAX_TURNS"),
            ConfigKey.of("loop.price.input_usd_per_mtok", "Price of input tokens when the agent reports tokens only"),
            ConfigKey.of("loop.price.output_usd_per_mtok", "Price of output tokens when the agent reports tokens only"),
            ConfigKey.of("loop.price.models", "Per-model prices: a list of {model, input_usd_per_mtok,"
                    + " output_usd_per_mtok}; models not listed use the two prices above"),
            ConfigKey.of("loop.prompts.first", "Template of the first turn's prompt ({key}, {iteration}, {instruction};"
                    + " any other {name} is refused at start)"),
            ConfigKey.of("loop.prompts.next", "Template of later turns' prompts (same placeholders)"),
            ConfigKey.of("loop.budgets.max_iterations", "Agent turns per run (default 25)", "VOXLOOP_MAX_ITERATIONS"),
            ConfigKey.of("loop.budgets.max_duration", "Wall-clock time per run (default 90m)"),
            ConfigKey.of("loop.budgets.max_cost_usd", "Cost per run in USD where the agent reports usage (default 10)"),
            ConfigKey.of("loop.allowlist.npm", "Extra npm packages agents may install"),
            ConfigKey.of("loop.allowlist.pip", "Extra pip packages agents may install"),
            ConfigKey.of("loop.allowlist.maven", "Extra Maven group:artifact agents may fetch"),
            ConfigKey.of("loop.projects.*", "Per project key: repo, default_branch, test, lint, coverage,"
                    + " coverage_report, coverage_threshold, agent (claude|command|replay), agent_command,"
                    + " replay_script, model, branch_url, max_iterations, max_duration, max_cost_usd"));

    public static LoopSettings from(ConfigTree c, Path dataDir) {
        Budgets budgets = new Budgets(c.integer("loop.budgets.max_iterations", 25),
                c.duration("loop.budgets.max_duration", Duration.ofMinutes(90)),
                c.decimal("loop.budgets.max_cost_usd", 10.0));
        PackageAllowlist allow = PackageAllowlist.DEFAULTS.plus("npm", c.strings("loop.allowlist.npm"))
                .plus("pip", c.strings("loop.allowlist.pip")).plus("maven", c.strings("loop.allowlist.maven"));
        Map<String, ProjectConfig> projects = new LinkedHashMap<>();
        for (String key : c.keys("loop.projects")) {
            projects.put(key, ProjectConfig.from(key, c.section("loop.projects." + key), budgets));
        }
        Path ws = c.string("loop.workspaces").map(Path::of).orElse(dataDir.resolve("workspaces"));
        return new LoopSettings(c.integer("loop.workers", 1), c.duration("loop.lease", Duration.ofMinutes(5)),
                c.duration("loop.poll_interval", Duration.ofSeconds(5)), c.integer("loop.max_attempts", 3), ws,
                c.string("loop.voxloop_command", "voxloop"), c.bool("loop.install_git_hooks", true),
                c.string("loop.claude.command", "claude"), c.integer("loop.claude.max_turns", 40),
                Pricing.from(c), Prompts.of(c.string("loop.prompts.first", null), c.string("loop.prompts.next", null)),
                budgets, allow, projects);
    }

    public ProjectConfig project(String key) {
        return Optional.ofNullable(projects.get(key)).orElseThrow(() -> new Problem(Problem.Kind.INVALID,
                "project " + key + " has no target repository configured (loop.projects." + key + ".repo)",
                "loop.projects"));
    }

    public LoopSettings withProject(ProjectConfig p) {
        Map<String, ProjectConfig> m = new LinkedHashMap<>(projects);
        m.put(p.key(), p);
        return new LoopSettings(workers, lease, poll, maxAttempts, workspaces, voxloopCommand, installGitHooks,
                claudeCommand, claudeMaxTurns, pricing, prompts, budgets,
                allowlist, m);
    }
}

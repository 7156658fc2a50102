package dev.voxloop.loop;

import dev.voxloop.core.config.ConfigTree;
import dev.voxloop.core.config.Key;
import dev.voxloop.core.config.Settings;
import dev.voxloop.core.guard.PackageAllowlist;
import dev.voxloop.core.problem.Problem;
import dev.voxloop.loop.agent.Pricing;
import dev.voxloop.loop.prompt.Prompts;
import dev.voxloop.loop.run.Budgets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The loop's settings ({@code loop.*} in voxloop.yaml), each key declared once on its component; the
 * {@code LOOP_RUNNER_*} environment names of the runner voxloop replaces are accepted beside voxloop's own. The last
 * three components are not keys: the constructor derives them from the declared ones ({@code pricing} from the price
 * table, {@code prompts} from the templates, checked at start; {@code projects} from the {@code loop.projects} table,
 * see {@link ProjectConfig}).
 */
public record LoopSettings(
        @Key(path = "loop.workers", fallback = "1", env = "VOXLOOP_LOOP_WORKERS",
                doc = "Loop workers run inside 'voxloop serve' (0 = none; 'voxloop worker' runs one per process)")
        int workers,
        @Key(path = "loop.lease", fallback = "5m", env = "VOXLOOP_LOOP_LEASE",
                doc = "How long a ticket claimed by a worker stays leased without a heartbeat")
        Duration lease,
        @Key(path = "loop.poll_interval", fallback = "5s",
                env = {"LOOP_RUNNER_POLL_INTERVAL", "VOXLOOP_LOOP_POLL_INTERVAL"},
                doc = "How often an idle worker looks for queued tickets")
        Duration poll,
        @Key(path = "loop.max_attempts", fallback = "3", env = {"LOOP_RUNNER_MAX_RETRIES", "VOXLOOP_LOOP_MAX_ATTEMPTS"},
                doc = "Runs of one ticket before it goes to the dead-letter list")
        int maxAttempts,
        @Key(path = "loop.workspaces", fallback = "{data}/workspaces",
                env = {"LOOP_RUNNER_REPO_DIR", "VOXLOOP_LOOP_WORKSPACES"},
                doc = "Directory for per-run clones ({data} is the data directory)")
        Path workspaces,
        @Key(path = "loop.voxloop_command", fallback = "voxloop", env = "VOXLOOP_COMMAND",
                doc = "How agents' hooks and git hooks call voxloop")
        String voxloopCommand,
        @Key(path = "loop.install_git_hooks", fallback = "true", env = "VOXLOOP_LOOP_GIT_HOOKS",
                doc = "Install commit-msg and pre-push hooks into each workspace")
        boolean installGitHooks,
        @Key(path = "loop.claude.command", fallback = "claude", env = "VOXLOOP_CLAUDE_COMMAND",
                doc = "Claude Code executable")
        String claudeCommand,
        @Key(path = "loop.claude.max_turns", fallback = "40", env = "VOXLOOP_CLAUDE_MAX_TURNS",
                doc = "--max-turns per agent turn")
        int claudeMaxTurns,
        @Key(path = "loop.price")
        Pricing.Table priceTable,
        @Key(path = "loop.prompts.first",
                doc = "Template of the first turn's prompt ({key}, {iteration}, {instruction}; any other {name} is"
                        + " refused at start; unset: the built-in first-turn.md)")
        String firstPrompt,
        @Key(path = "loop.prompts.next",
                doc = "Template of later turns' prompts (same placeholders; unset: the built-in next-turn.md)")
        String nextPrompt,
        @Key(path = "loop.budgets")
        Budgets budgets,
        @Key(path = "loop.allowlist")
        ExtraPackages extraPackages,
        @Key(path = "loop.projects",
                doc = "Target repository per project key: repo, default_branch, test, lint, coverage, coverage_report,"
                        + " coverage_threshold, agent (claude|codex|builtin|command|replay), agent_command, model,"
                        + " base_url, api_key_env, agent_args, api (builtin: openai|ollama), replay_script, branch_url,"
                        + " max_iterations, max_duration, max_cost_usd")
        Map<String, Object> projectTable,
        Pricing pricing,
        Prompts prompts,
        Map<String, ProjectConfig> projects) {

    /** Packages agents may install on top of {@link PackageAllowlist#DEFAULTS}. */
    public record ExtraPackages(
            @Key(path = "npm", doc = "Extra npm packages agents may install")
            List<String> npm,
            @Key(path = "pip", doc = "Extra pip packages agents may install")
            List<String> pip,
            @Key(path = "maven", doc = "Extra Maven group:artifact agents may fetch")
            List<String> maven) {
    }

    public LoopSettings {
        pricing = pricing == null ? Pricing.from(priceTable) : pricing;
        prompts = prompts == null ? Prompts.of(firstPrompt, nextPrompt) : prompts;
        projectTable = projectTable == null ? Map.of() : projectTable;
        if (projects == null) {
            Map<String, ProjectConfig> table = new LinkedHashMap<>();
            ConfigTree t = new ConfigTree(projectTable);
            for (String key : t.keys("")) {
                table.put(key, ProjectConfig.from(key, t.section(key), budgets));
            }
            projects = table;
        }
        projects = Collections.unmodifiableMap(new LinkedHashMap<>(projects));
    }

    public static LoopSettings from(ConfigTree c, Path dataDir) {
        return Settings.bind(LoopSettings.class, c, Map.of("data", dataDir.toString()));
    }

    /** What agents may install: the defaults plus the configured extras. */
    public PackageAllowlist allowlist() {
        return PackageAllowlist.DEFAULTS.plus("npm", extraPackages.npm()).plus("pip", extraPackages.pip())
                .plus("maven", extraPackages.maven());
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
                claudeCommand, claudeMaxTurns, priceTable, firstPrompt, nextPrompt, budgets, extraPackages,
                projectTable, pricing, prompts, m);
    }
}

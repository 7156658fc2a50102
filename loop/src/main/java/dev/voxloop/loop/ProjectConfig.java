package dev.voxloop.loop;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.voxloop.core.config.ConfigTree;
import dev.voxloop.core.problem.Problem;
import dev.voxloop.loop.agent.AgentProfile;
import dev.voxloop.loop.run.Budgets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * One project's target repository: where to clone it from, its default branch, the commands the gates run, the
 * agent and the budgets. Read from {@code loop.projects.<KEY>} in voxloop.yaml, then overlaid by the repository's
 * own {@code .voxloop/loop.yaml} (human-owned: the policy keeps agents out of {@code .voxloop/}). The repository file
 * may set the commands and threshold (with profiles such as {@code code_repo} and {@code template_repo}, one active)
 * and may lower budgets, but may not choose the agent or raise budgets.
 *
 * @param agent        the agent profile: claude, codex, builtin, command or replay, with its executable (for
 *                     command: the argv, {prompt_file}, {workspace}, {iteration} replaced), model, base URL, key
 *                     variable and extra flags
 * @param replayScript the replay agent's script (JSON), relative to the data directory or absolute
 * @param branchUrl    how to link a pushed branch in the ticket comment ({branch} replaced); default repo#branch
 */
public record ProjectConfig(String key, String repo, String defaultBranch, String test, String lint, String coverage,
                            String coverageReport, int coverageThreshold, AgentProfile agent, String replayScript,
                            String branchUrl, Budgets budgets) {

    public static final String REPO_FILE = ".voxloop/loop.yaml";

    static ProjectConfig from(String key, ConfigTree t, Budgets defaults) {
        Budgets b = new Budgets(t.integer("max_iterations", defaults.maxIterations()),
                t.duration("max_duration", defaults.maxDuration()), t.decimal("max_cost_usd", defaults.maxCostUsd()));
        return new ProjectConfig(key, t.string("repo", null), t.string("default_branch", "main"),
                t.string("test", null), t.string("lint", null), t.string("coverage", null),
                t.string("coverage_report", null), t.integer("coverage_threshold", 80),
                new AgentProfile(t.string("agent", "claude"), t.strings("agent_command"), t.string("model", null),
                        t.string("base_url", null), t.string("api_key_env", null), t.strings("agent_args"),
                        t.string("api", null)),
                t.string("replay_script", null), t.string("branch_url", null), b);
    }

    /** This configuration with the repository's {@code .voxloop/loop.yaml} (if any) applied. */
    @SuppressWarnings("unchecked")
    public ProjectConfig withRepositoryFile(Path workspace) {
        Path f = workspace.resolve(REPO_FILE);
        if (!Files.isRegularFile(f)) {
            return this;
        }
        Map<String, Object> raw;
        try {
            raw = new ObjectMapper(new YAMLFactory()).readValue(f.toFile(), Map.class);
        } catch (IOException e) {
            throw new Problem(Problem.Kind.INVALID, REPO_FILE + " in " + key + " cannot be read: " + e.getMessage());
        }
        ConfigTree t = new ConfigTree(raw == null ? Map.of() : raw);
        String profile = t.string("active_profile", null);
        ConfigTree p = profile == null ? t : t.section("profiles." + profile);
        if (profile != null && p.asMap().isEmpty()) {
            throw new Problem(Problem.Kind.INVALID, REPO_FILE + ": active_profile '" + profile + "' is not defined");
        }
        Budgets repoBudgets = new Budgets(p.integer("max_iterations", budgets.maxIterations()),
                p.duration("max_duration", budgets.maxDuration()), p.decimal("max_cost_usd", budgets.maxCostUsd()));
        return new ProjectConfig(key, repo, defaultBranch, p.string("test", test), p.string("lint", lint),
                p.string("coverage", coverage), p.string("coverage_report", coverageReport),
                p.integer("coverage_threshold", coverageThreshold), agent, replayScript, branchUrl,
                budgets.tighten(repoBudgets));
    }

    /** The same project cloning from {@code source} (a hosted repository's name resolved to its path). */
    public ProjectConfig withRepo(String source) {
        return new ProjectConfig(key, source, defaultBranch, test, lint, coverage, coverageReport, coverageThreshold,
                agent, replayScript, branchUrl, budgets);
    }

    public String linkTo(String branch) {
        return branchUrl == null ? repo + "#" + branch : branchUrl.replace("{branch}", branch);
    }

    public Duration commandTimeout() {
        return Duration.ofMinutes(15);
    }
}

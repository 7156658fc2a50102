package dev.voxloop.loop;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.voxloop.core.config.ConfigTree;
import dev.voxloop.core.config.Key;
import dev.voxloop.core.problem.Problem;
import dev.voxloop.loop.agent.AgentProfile;
import dev.voxloop.loop.run.Budgets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One project's target repository: where to clone it from, its default branch, the commands the gates run, the
 * agent and the budgets. Read from {@code loop.projects.<KEY>} in voxloop.yaml (declared by {@link Entry}), then
 * completed by the repository's own {@code .voxloop/loop.yaml} (human-owned: the policy keeps agents out of
 * {@code .voxloop/}). Precedence: a command voxloop.yaml sets wins (it is the person's, and what {@code voxloop init}
 * updates); the repository file supplies the commands voxloop.yaml leaves unset (with profiles such as
 * {@code code_repo} and {@code template_repo}, one active), and may only make the gates stricter: a higher coverage
 * threshold, lower budgets. It may not choose the agent.
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

    /** One {@code loop.projects.<KEY>} entry as configured; {@link #from} fills in what it leaves to the loop. */
    public record Entry(
            @Key(path = "repo", doc = "Where to clone the target repository from: a URL or a local path")
            String repo,
            @Key(path = "default_branch", fallback = "main", doc = "The branch task branches start from")
            String defaultBranch,
            @Key(path = "test", doc = "Test command the gates run")
            String test,
            @Key(path = "lint", doc = "Lint command the gates run (unset: no lint gate)")
            String lint,
            @Key(path = "coverage", doc = "Command that writes the coverage report")
            String coverage,
            @Key(path = "coverage_report", doc = "The JaCoCo XML report the coverage gate reads")
            String coverageReport,
            @Key(path = "coverage_threshold", fallback = "80",
                    doc = "Percent of changed executable lines that must be covered")
            int coverageThreshold,
            @Key(path = "agent", fallback = "claude", doc = "The coding agent: claude, codex, builtin, command or replay")
            String agent,
            @Key(path = "agent_command", doc = "The agent's executable; for command the argv ({prompt_file},"
                    + " {workspace}, {iteration} are replaced)")
            List<String> agentCommand,
            @Key(path = "model", doc = "Model the agent is told to use (unset: the agent's own default)")
            String model,
            @Key(path = "base_url", doc = "Base URL of the agent's model server (unset: the agent's default)")
            String baseUrl,
            @Key(path = "api_key_env", doc = "Environment variable that holds the agent's API key")
            String apiKeyEnv,
            @Key(path = "agent_args", doc = "Extra command-line flags for the agent")
            List<String> agentArgs,
            @Key(path = "api", doc = "The built-in agent's chat API: openai or ollama (unset: ollama when only"
                    + " OLLAMA_URL is set)")
            String api,
            @Key(path = "replay_script", doc = "The replay agent's script (JSON), relative to the data directory")
            String replayScript,
            @Key(path = "branch_url", doc = "Link to a pushed branch in the ticket comment, {branch} replaced"
                    + " (unset: repo#branch)")
            String branchUrl,
            @Key(path = "max_iterations", doc = "Agent turns per run (unset: loop.budgets.max_iterations)")
            Integer maxIterations,
            @Key(path = "max_duration", doc = "Wall-clock time per run (unset: loop.budgets.max_duration)")
            Duration maxDuration,
            @Key(path = "max_cost_usd", doc = "Cost per run in USD (unset: loop.budgets.max_cost_usd)")
            Double maxCostUsd,
            @Key(path = "review", doc = "How the project's pull requests are reviewed (docs/review.md)")
            dev.voxloop.loop.review.ReviewKeys review,
            @Key(path = "forge", doc = "Where runs go past the push: builtin (when repo is hosted by voxloop) or"
                    + " github (pull requests on github.repository's API, pushes with github.token)")
            String forge,
            @Key(path = "github_repository", doc = "owner/name on GitHub when forge is github (unset:"
                    + " github.repository)")
            String githubRepository) {

        /** Whether runs of this project go on to GitHub. */
        public boolean onGitHub() {
            return "github".equalsIgnoreCase(forge == null ? "" : forge.strip());
        }

        public Entry {
            if (forge != null && !forge.isBlank() && !forge.strip().equalsIgnoreCase("builtin")
                    && !forge.strip().equalsIgnoreCase("github")) {
                throw new IllegalArgumentException("forge: expected builtin or github, got '" + forge + "'");
            }
        }
    }

    /** The project {@code key} as configured, the loop's budgets where the entry sets none. */
    static ProjectConfig from(String key, Entry e, Budgets defaults) {
        Budgets b = new Budgets(e.maxIterations() == null ? defaults.maxIterations() : e.maxIterations(),
                e.maxDuration() == null ? defaults.maxDuration() : e.maxDuration(),
                e.maxCostUsd() == null ? defaults.maxCostUsd() : e.maxCostUsd());
        return new ProjectConfig(key, e.repo(), e.defaultBranch(), e.test(), e.lint(), e.coverage(),
                e.coverageReport(), e.coverageThreshold(), new AgentProfile(e.agent(), e.agentCommand(), e.model(),
                        e.baseUrl(), e.apiKeyEnv(), e.agentArgs(), e.api()),
                e.replayScript(), e.branchUrl(), b);
    }

    /**
     * This configuration completed by the repository's {@code .voxloop/loop.yaml} (if any): commands left unset
     * here are taken from it, a higher coverage threshold and lower budgets too.
     */
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
        return new ProjectConfig(key, repo, defaultBranch, unsetHere(test, p, "test"), unsetHere(lint, p, "lint"),
                unsetHere(coverage, p, "coverage"), unsetHere(coverageReport, p, "coverage_report"),
                Math.max(coverageThreshold, p.integer("coverage_threshold", coverageThreshold)), agent, replayScript,
                branchUrl, budgets.tighten(repoBudgets));
    }

    /** The command voxloop.yaml sets, else the repository file's. */
    private static String unsetHere(String configured, ConfigTree repositoryFile, String key) {
        return configured != null ? configured : repositoryFile.string(key, null);
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

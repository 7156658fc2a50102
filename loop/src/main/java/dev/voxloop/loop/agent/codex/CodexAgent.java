package dev.voxloop.loop.agent.codex;

import dev.voxloop.core.guard.AgentHooks;
import dev.voxloop.core.loop.LoopFailure;
import dev.voxloop.loop.agent.AgentProfile;
import dev.voxloop.loop.agent.CodingAgent;
import dev.voxloop.loop.agent.HookProof;
import dev.voxloop.loop.agent.HookSettings;
import dev.voxloop.loop.agent.SpentTurnFailure;
import dev.voxloop.loop.agent.TurnRequest;
import dev.voxloop.loop.agent.TurnResult;
import dev.voxloop.loop.agent.AgentInstallation;
import dev.voxloop.loop.workspace.AgentCommand;
import dev.voxloop.loop.workspace.CommandResult;
import dev.voxloop.loop.workspace.RunSandbox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Codex CLI, guarded by voxloop's hooks: {@code codex -a never -s danger-full-access exec --json --ephemeral
 * --skip-git-repo-check --dangerously-bypass-hook-trust -m MODEL -c model_provider=voxloop -c
 * model_providers.voxloop={base_url, env_key, wire_api="responses", ...} PROMPT}, stdin closed. Approvals are off
 * and Codex's own sandbox is off in favour of voxloop's ({@link RunSandbox#agentTurn}: the workspace writable,
 * {@code .git} and the protected paths read-only, the model API the only host it reaches, only its own
 * variables). Its {@code ~/.codex} in the run's sandbox home is made afresh every turn holding only the
 * {@link HookSettings hooks.json} that sends PreToolUse, PostToolUse and Stop to a per-turn hook
 * {@link AgentHooks.Endpoint} (Codex speaks Claude Code's hook protocol; the hooks are voxloop's own, so hook trust
 * is bypassed for them): no user configuration is read, and nothing an earlier turn wrote there survives. The model provider is always spelled out: the
 * profile's base URL, else {@code OPENAI_BASE_URL}, else OpenAI; the key from the profile's variable, else
 * {@code OPENAI_API_KEY}. Each turn is a fresh Codex session (the prompt and CURRENT_TASK.md carry the context);
 * tokens come from {@code turn.completed}, priced by the orchestrator.
 */
public final class CodexAgent implements CodingAgent {

    static final Set<String> RESERVED = Set.of("-a", "--ask-for-approval", "-s", "--sandbox", "--json",
            "--dangerously-bypass-approvals-and-sandbox", "--full-auto", "-c", "--config", "--enable", "--profile",
            "-p", "--cd", "-C");
    private static final String KEY_VAR = "VOXLOOP_MODEL_API_KEY";

    private final AgentProfile profile;
    private final Map<String, String> env;
    private final AgentHooks hooks;
    private final RunSandbox sandbox;

    /** @param env the worker's environment (key and base URL are read from it) plus the run ids */
    public CodexAgent(AgentProfile profile, Map<String, String> env, AgentHooks hooks, RunSandbox sandbox) {
        this.profile = profile;
        this.env = Map.copyOf(env);
        this.hooks = hooks;
        this.sandbox = sandbox;
    }

    @Override
    public String name() {
        return "codex";
    }

    @Override
    public TurnResult turn(TurnRequest r) {
        try (AgentHooks.Endpoint server = hooks.open(r.workspace())) {
            Path home = sandbox.home(r.runId()).resolve(".codex");
            deleteTree(home);
            Files.createDirectories(home);
            HookSettings.write(home.resolve("hooks.json"), server);
            CodexStream stream = new CodexStream();
            List<String> argv = argv(r.prompt());
            AgentInstallation cli = AgentInstallation.of(argv.get(0), env.get("PATH"));
            argv.set(0, cli.program());
            AgentCommand command = AgentCommand.of(argv, environment()).seeing(cli.paths())
                    .seeing(List.of(server.dir())).reaching(List.of(AgentCommand.hostOf(baseUrl())));
            CommandResult res = sandbox.agentTurn(command, r.workspace(), r.runId(), r.ticketKey(), r.timeout(),
                    stream::accept);
            try {
                return judge(stream, res, server, r.workspace());
            } catch (LoopFailure f) {
                throw SpentTurnFailure.of(f, stream.inputTokens, stream.outputTokens, -1);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare CODEX_HOME for " + r.ticketKey(), e);
        }
    }

    private TurnResult judge(CodexStream s, CommandResult res, AgentHooks.Endpoint server, Path workspace) {
        String output = res.tail(2000);
        if (res.notStarted()) {
            throw new LoopFailure.AgentUnavailable("Codex cannot be started: " + (profile.command().isEmpty() ? "codex"
                    : profile.command().get(0)) + " is not installed or not executable on this worker (to fix:"
                    + " npm install -g @openai/codex, or set the project's agent_command)");
        }
        if (s.failure != null || (!s.completed && !res.timedOut())) {
            String words = s.failure != null ? s.failure : "codex exited " + res.exit() + " without finishing the turn: "
                    + res.tail(300).strip();
            throw new LoopFailure.AgentUnavailable("Codex is unavailable: " + words + " (to fix: " + fix(words,
                    res.exit()) + ")");
        }
        HookProof proof = new HookProof(s.toolCallsRun, server.calls("pre-tool-use"), s.completed,
                server.calls("stop"), List.of());
        proof.enforce("Codex", workspace);
        if (res.timedOut()) {
            return new TurnResult("codex timed out", false, null, s.thread, s.inputTokens, s.outputTokens, -1, output);
        }
        return new TurnResult(s.lastMessage, res.exit() == 0, TurnResult.blockedIn(s.lastMessage), s.thread,
                s.inputTokens, s.outputTokens, -1, output);
    }

    List<String> argv(String prompt) {
        List<String> argv = new ArrayList<>(profile.command().isEmpty() ? List.of("codex") : profile.command());
        String base = baseUrl();
        argv.addAll(List.of("-a", "never", "-s", "danger-full-access", "exec", "--json", "--ephemeral",
                "--skip-git-repo-check", "--dangerously-bypass-hook-trust",
                "-m", profile.model() == null ? "gpt-5.5" : profile.model(),
                "-c", "model_provider=voxloop",
                "-c", "model_providers.voxloop={name=\"voxloop\",base_url=\"" + base + "\",env_key=\"" + KEY_VAR
                        + "\",wire_api=\"responses\",request_max_retries=2,stream_max_retries=2}",
                "-c", "analytics.enabled=false", "-c", "web_search=\"disabled\"",
                "--disable", "plugins", "--disable", "remote_plugin", "--disable", "apps", "--disable",
                "in_app_updates", "--disable", "goals", "--disable", "multi_agent", "--disable", "image_generation",
                "--disable", "view_image"));
        argv.addAll(profile.argsWithout(RESERVED));
        argv.add(prompt);
        return argv;
    }

    private String baseUrl() {
        return profile.baseUrl(env, "OPENAI_BASE_URL", "https://api.openai.com/v1");
    }

    /** Codex's own variables, on top of the sandbox's allowlisted environment ({@code CODEX_HOME} is ~/.codex). */
    private Map<String, String> environment() {
        Map<String, String> e = new HashMap<>();
        for (String k : List.of("VOXLOOP_RUN_ID", "VOXLOOP_TICKET")) {
            if (env.get(k) != null) {
                e.put(k, env.get(k));
            }
        }
        String key = profile.key(env, "OPENAI_API_KEY");
        e.put(KEY_VAR, key == null ? "" : key);
        return e;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var all = Files.walk(dir)) {
                for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private String fix(String words, int exit) {
        String keyVar = profile.keyEnv() != null ? profile.keyEnv() : "OPENAI_API_KEY";
        if (exit == 127 || words.contains("could not start")) {
            return "install Codex (npm install -g @openai/codex) or set the project's agent_command";
        }
        if (words.contains("401") || words.contains("403") || words.contains("API key")) {
            return "give the worker a valid key in " + keyVar;
        }
        if (words.contains("429")) {
            return "the account is rate limited or out of credit: check its plan and usage, or run fewer workers";
        }
        return "the model API " + profile.baseUrl(env, "OPENAI_BASE_URL", "https://api.openai.com/v1")
                + " is failing or unreachable; check it (or OPENAI_BASE_URL) and queue the ticket again";
    }
}

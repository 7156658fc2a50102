package dev.voxloop.loop.agent.codex;

import dev.voxloop.core.guard.AgentHooks;
import dev.voxloop.core.loop.LoopFailure;
import dev.voxloop.loop.agent.AgentProfile;
import dev.voxloop.loop.agent.CodingAgent;
import dev.voxloop.loop.agent.HookProof;
import dev.voxloop.loop.agent.HookSettings;
import dev.voxloop.loop.agent.TurnRequest;
import dev.voxloop.loop.agent.TurnResult;
import dev.voxloop.loop.workspace.CommandResult;
import dev.voxloop.loop.workspace.Git;
import dev.voxloop.loop.workspace.Processes;
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
 * and Codex's own sandbox is off in favour of voxloop's; {@code CODEX_HOME} is a fresh directory per run under the
 * git dir holding only the {@link HookSettings hooks.json} that sends PreToolUse, PostToolUse and Stop to a
 * per-turn hook {@link AgentHooks.Endpoint} (Codex speaks Claude Code's hook protocol; the hooks are voxloop's own, so hook trust
 * is bypassed for them), and no user configuration is read. The model provider is always spelled out: the
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

    public CodexAgent(AgentProfile profile, Map<String, String> env, AgentHooks hooks) {
        this.profile = profile;
        this.env = Map.copyOf(env);
        this.hooks = hooks;
    }

    @Override
    public String name() {
        return "codex";
    }

    @Override
    public TurnResult turn(TurnRequest r) {
        try (AgentHooks.Endpoint server = hooks.open(r.workspace())) {
            Path home = new Git(r.workspace()).gitDir().resolve("voxloop").resolve("codex-home");
            Files.createDirectories(home);
            HookSettings.write(home.resolve("hooks.json"), server);
            CodexStream stream = new CodexStream();
            CommandResult res = Processes.run(argv(r.prompt()), r.workspace(), environment(home), null, r.timeout(),
                    stream::accept);
            return judge(stream, res, server, r.workspace());
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
        String base = profile.baseUrl(env, "OPENAI_BASE_URL", "https://api.openai.com/v1");
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

    private Map<String, String> environment(Path home) {
        Map<String, String> e = new HashMap<>();
        env.forEach((k, v) -> {
            if (k.startsWith("VOXLOOP_") || k.equals("HOME")) {
                e.put(k, v);
            }
        });
        e.put("CODEX_HOME", home.toString());
        String key = profile.key(env, "OPENAI_API_KEY");
        e.put(KEY_VAR, key == null ? "" : key);
        return e;
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

package dev.voxloop.loop.agent.claude;

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
import dev.voxloop.loop.workspace.Git;
import dev.voxloop.loop.workspace.RunSandbox;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Claude Code in print mode, guarded by voxloop's hooks:
 * {@code claude -p PROMPT --output-format stream-json --verbose --include-hook-events --settings FILE
 * --setting-sources "" --max-turns N --permission-mode acceptEdits --allowedTools Bash,Edit,Write,Read,Glob,Grep
 * [--resume SESSION] [--model M]}. Each turn opens a hook {@link AgentHooks.Endpoint} the settings file's hooks call;
 * {@code --setting-sources ""} keeps user, project and local settings (a workspace {@code .claude/settings.json}
 * with {@code disableAllHooks}) out. The turn is judged by what the stream shows: a turn whose tool calls did not
 * all pass voxloop's PreToolUse hook, whose hooks errored, or that ended without the Stop hook fails closed
 * ({@link LoopFailure.Unguarded}); an authentication or API failure ends it at once as
 * {@link LoopFailure.AgentUnavailable} in the CLI's own words (API retries are capped, and a refused key stops the
 * process on its first retry); a resumed session the CLI no longer knows starts fresh; tokens and cost come from the
 * final {@code result}. The process runs in the run's sandbox ({@link RunSandbox#agentTurn}): the workspace
 * writable, {@code .git} (with the settings file) and the protected paths read-only, the run's own home (Claude
 * Code's {@code ~/.claude} and sessions survive between turns), the hook socket's directory and the CLI's
 * installation read-only, the model API the only host the egress proxy lets it reach, and only its own variables.
 */
public final class ClaudeAgent implements CodingAgent {

    /** Flags voxloop sets and {@code agent_args} may not override. */
    static final Set<String> RESERVED = Set.of("-p", "--print", "--output-format", "--settings", "--setting-sources",
            "--permission-mode", "--allowedTools", "--allowed-tools", "--dangerously-skip-permissions",
            "--include-hook-events", "--resume", "--continue", "-c", "--disallowedTools", "--max-turns");
    static final String TOOLS = "Bash,Edit,Write,Read,Glob,Grep";

    private final AgentProfile profile;
    private final int maxTurns;
    private final Map<String, String> env;
    private final AgentHooks hooks;
    private final RunSandbox sandbox;

    /**
     * @param env the worker's environment (the key and base URL are read from it) plus what the agent should see
     *            ({@code VOXLOOP_RUN_ID}, {@code VOXLOOP_TICKET}); nothing else of it reaches the CLI
     */
    public ClaudeAgent(AgentProfile profile, int maxTurns, Map<String, String> env, AgentHooks hooks,
                       RunSandbox sandbox) {
        this.profile = profile;
        this.maxTurns = maxTurns;
        this.env = Map.copyOf(env);
        this.hooks = hooks;
        this.sandbox = sandbox;
    }

    @Override
    public String name() {
        return "claude";
    }

    @Override
    public TurnResult turn(TurnRequest r) {
        try (AgentHooks.Endpoint server = hooks.open(r.workspace())) {
            Path settings = HookSettings.write(new Git(r.workspace()).gitDir().resolve("voxloop")
                    .resolve("claude-settings.json"), server);
            TurnResult first = attempt(r, r.sessionId(), settings, server);
            if (first == null) {
                return attempt(r, null, settings, server);
            }
            return first;
        }
    }

    /** One CLI run; null when the resumed session turned out stale (the caller starts fresh). */
    private TurnResult attempt(TurnRequest r, String resume, Path settings, AgentHooks.Endpoint server) {
        ClaudeStream stream = new ClaudeStream();
        try {
            return attempt(r, resume, settings, server, stream);
        } catch (LoopFailure f) {
            throw SpentTurnFailure.of(f, stream.inputTokens(), stream.outputTokens(), stream.cost());
        }
    }

    private TurnResult attempt(TurnRequest r, String resume, Path settings, AgentHooks.Endpoint server,
                               ClaudeStream stream) {
        int pre0 = server.calls("pre-tool-use");
        int stop0 = server.calls("stop");
        List<String> argv = argv(r.prompt(), settings, resume);
        AgentInstallation cli = AgentInstallation.of(argv.get(0), env.get("PATH"));
        argv.set(0, cli.program());
        AgentCommand command = AgentCommand.of(argv, environment()).seeing(cli.paths())
                .seeing(List.of(server.dir())).reaching(List.of(AgentCommand.hostOf(profile.baseUrl(env,
                        "ANTHROPIC_BASE_URL", "https://api.anthropic.com"))));
        CommandResult res = sandbox.agentTurn(command, r.workspace(), r.runId(), r.ticketKey(), r.timeout(),
                stream::accept);
        if (resume != null && stream.staleSession()) {
            return null;
        }
        String output = res.tail(2000);
        String words = stream.unavailable();
        if (res.notStarted()) {
            throw new LoopFailure.AgentUnavailable("Claude Code cannot be started: " + argv0() + " is not installed"
                    + " or not executable on this worker (to fix: install Claude Code, or set loop.claude.command or"
                    + " the project's agent_command)");
        }
        if (words == null && stream.result == null && !res.timedOut() && res.exit() != 0) {
            words = "claude exited " + res.exit() + " without a result: " + res.tail(300).strip();
        }
        if (words != null) {
            throw new LoopFailure.AgentUnavailable("Claude Code is unavailable: " + words + " (to fix: "
                    + fix(words, stream.status(), res.exit()) + ")");
        }
        HookProof proof = new HookProof(stream.toolCallsRun(), Math.min(stream.preToolUseHooks,
                server.calls("pre-tool-use") - pre0), stream.succeeded(), server.calls("stop") - stop0,
                stream.hookErrors);
        proof.enforce("Claude Code", r.workspace());
        if (res.timedOut()) {
            return new TurnResult("claude timed out", false, null, stream.session, stream.inputTokens(),
                    stream.outputTokens(), stream.cost(), output);
        }
        String text = stream.text();
        return new TurnResult(text, stream.succeeded() && res.exit() == 0, TurnResult.blockedIn(text), stream.session,
                stream.inputTokens(), stream.outputTokens(), stream.cost(), output);
    }

    private String argv0() {
        return profile.command().isEmpty() ? "claude" : profile.command().get(0);
    }

    List<String> argv(String prompt, Path settings, String resume) {
        List<String> argv = new ArrayList<>(profile.command().isEmpty() ? List.of("claude") : profile.command());
        argv.addAll(List.of("-p", prompt, "--output-format", "stream-json", "--verbose", "--include-hook-events",
                "--settings", settings.toString(), "--setting-sources", "", "--max-turns", String.valueOf(maxTurns),
                "--permission-mode", "acceptEdits", "--allowedTools", TOOLS));
        if (resume != null) {
            argv.addAll(List.of("--resume", resume));
        }
        if (profile.model() != null) {
            argv.addAll(List.of("--model", profile.model()));
        }
        argv.addAll(profile.argsWithout(RESERVED));
        return argv;
    }

    /** The CLI's own variables, on top of the sandbox's allowlisted environment. */
    Map<String, String> environment() {
        return environment(profile, env);
    }

    /**
     * What Claude Code is given of the worker's environment {@code env}: the run ids, the key and base URL the
     * profile names, and the switches that keep it from retrying long, phoning home or updating itself.
     */
    static Map<String, String> environment(AgentProfile profile, Map<String, String> env) {
        Map<String, String> e = new HashMap<>();
        for (String k : List.of("VOXLOOP_RUN_ID", "VOXLOOP_TICKET", "CLAUDE_CODE_OAUTH_TOKEN")) {
            if (env.get(k) != null) {
                e.put(k, env.get(k));
            }
        }
        String base = profile.baseUrl(env, "ANTHROPIC_BASE_URL", null);
        if (base != null) {
            e.put("ANTHROPIC_BASE_URL", base);
        }
        String key = profile.key(env, "ANTHROPIC_API_KEY");
        if (key != null) {
            e.put("ANTHROPIC_API_KEY", key);
        }
        e.put("CLAUDE_CODE_MAX_RETRIES", "2");
        e.put("CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC", "1");
        e.put("DISABLE_AUTOUPDATER", "1");
        return e;
    }

    private String fix(String words, Integer status, int exit) {
        String keyVar = profile.keyEnv() != null ? profile.keyEnv() : "ANTHROPIC_API_KEY";
        if (exit == 127 || words.startsWith("could not start")) {
            return "install Claude Code (npm install -g @anthropic-ai/claude-code) or set the project's agent_command";
        }
        if ((status != null && (status == 401 || status == 403)) || words.contains("Not logged in")
                || words.contains("API key")) {
            return "give the worker a valid key in " + keyVar + " (or a CLAUDE_CODE_OAUTH_TOKEN from 'claude"
                    + " setup-token': the sandboxed turn does not see the worker's own login)";
        }
        if (status != null && status == 429) {
            return "the account is rate limited or out of credit: check its plan and usage, or run fewer workers";
        }
        return "the model API " + profile.baseUrl(env, "ANTHROPIC_BASE_URL", "(api.anthropic.com)")
                + " is failing; check it (or ANTHROPIC_BASE_URL) and queue the ticket again";
    }
}

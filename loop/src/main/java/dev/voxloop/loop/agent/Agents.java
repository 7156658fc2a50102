package dev.voxloop.loop.agent;

import dev.voxloop.core.guard.AgentHooks;
import dev.voxloop.core.loop.LoopRun;
import dev.voxloop.core.problem.Problem;
import dev.voxloop.loop.LoopSettings;
import dev.voxloop.loop.ProjectConfig;
import dev.voxloop.loop.agent.builtin.BuiltinAgent;
import dev.voxloop.loop.agent.claude.ClaudeAgent;
import dev.voxloop.loop.agent.codex.CodexAgent;
import dev.voxloop.loop.workspace.RunSandbox;
import dev.voxloop.loop.workspace.Workspace;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The agents voxloop knows ({@code claude}, {@code codex}, {@code builtin}, {@code command}, {@code replay}), chosen
 * per project.
 */
public final class Agents implements AgentFactory {

    private final LoopSettings settings;
    private final Path dataDir;
    private final Map<String, String> env;
    private final AgentHooks hooks;
    private final ModelConnector models;
    private final RunSandbox sandbox;

    /**
     * @param env     the worker's environment: keys and base URLs are read from it ({@code System.getenv()})
     * @param hooks   answers the agents' hook calls inside this process
     * @param models  opens the built-in agent's chat model
     * @param sandbox where every agent's turns (a CLI's process, the built-in agent's tool calls) run
     */
    public Agents(LoopSettings settings, Path dataDir, Map<String, String> env, AgentHooks hooks,
                  ModelConnector models, RunSandbox sandbox) {
        this.settings = settings;
        this.dataDir = dataDir;
        this.env = Map.copyOf(env);
        this.hooks = hooks;
        this.models = models;
        this.sandbox = sandbox;
    }

    public Agents(LoopSettings settings, Path dataDir, Map<String, String> env, AgentHooks hooks,
                  RunSandbox sandbox) {
        this(settings, dataDir, env, hooks, ModelConnector.NONE, sandbox);
    }

    @Override
    public CodingAgent create(ProjectConfig p, LoopRun run, Workspace ws) {
        AgentProfile profile = p.agent();
        Map<String, String> runEnv = new HashMap<>(env);
        runEnv.put("VOXLOOP_RUN_ID", run.id());
        runEnv.put("VOXLOOP_TICKET", run.ticketKey());
        return switch (profile.name()) {
            case "replay" -> {
                if (p.replayScript() == null) {
                    throw Problem.invalid("loop.projects." + p.key() + ".replay_script",
                            "the replay agent needs a script");
                }
                yield ReplayAgent.fromFile(dataDir.resolve(p.replayScript()), sandbox);
            }
            case "command" -> new CommandAgent(profile.command(), Map.of("VOXLOOP_RUN_ID", run.id(),
                    "VOXLOOP_TICKET", run.ticketKey()), sandbox);
            case "claude" -> new ClaudeAgent(profile.command().isEmpty()
                    ? profile.withCommand(List.of(settings.claudeCommand())) : profile, settings.claudeMaxTurns(), runEnv,
                    hooks, sandbox);
            case "codex" -> new CodexAgent(profile, runEnv, hooks, sandbox);
            case "builtin" -> new BuiltinAgent(models.connect(profile), hooks, sandbox, settings.claudeMaxTurns());
            default -> throw Problem.invalid("loop.projects." + p.key() + ".agent", "unknown agent '" + profile.name()
                    + "' (claude, codex, builtin, command or replay)");
        };
    }

}

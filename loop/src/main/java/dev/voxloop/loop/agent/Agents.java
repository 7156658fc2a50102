package dev.voxloop.loop.agent;

import dev.voxloop.core.loop.LoopRun;
import dev.voxloop.core.problem.Problem;
import dev.voxloop.loop.LoopSettings;
import dev.voxloop.loop.ProjectConfig;
import dev.voxloop.loop.workspace.RunSandbox;
import dev.voxloop.loop.workspace.Workspace;
import java.nio.file.Path;
import java.util.Map;

/** The agents voxloop knows: {@code claude}, {@code command} and {@code replay}, chosen per project. */
public final class Agents implements AgentFactory {

    /** The agent's own key, the one secret of the worker's environment an agent turn receives. */
    private static final String CLAUDE_KEY = "ANTHROPIC_API_KEY";

    private final LoopSettings settings;
    private final Path dataDir;
    private final RunSandbox sandbox;

    /** @param sandbox where every turn runs */
    public Agents(LoopSettings settings, Path dataDir, RunSandbox sandbox) {
        this.settings = settings;
        this.dataDir = dataDir;
        this.sandbox = sandbox;
    }

    @Override
    public CodingAgent create(ProjectConfig p, LoopRun run, Workspace ws) {
        return switch (p.agent()) {
            case "replay" -> {
                if (p.replayScript() == null) {
                    throw Problem.invalid("loop.projects." + p.key() + ".replay_script",
                            "the replay agent needs a script");
                }
                yield ReplayAgent.fromFile(dataDir.resolve(p.replayScript()), sandbox);
            }
            case "command" -> new CommandAgent(p.agentCommand(), Map.of("VOXLOOP_RUN_ID", run.id(),
                    "VOXLOOP_TICKET", run.ticketKey()), sandbox);
            case "claude" -> new ClaudeAgent(p.agentCommand().isEmpty() ? java.util.List.of(settings.claudeCommand())
                    : p.agentCommand(), settings.voxloopCommand(), p.model(), settings.claudeMaxTurns(),
                    claudeEnv(run), sandbox);
            default -> throw Problem.invalid("loop.projects." + p.key() + ".agent", "unknown agent '" + p.agent()
                    + "' (claude, command or replay)");
        };
    }

    private static Map<String, String> claudeEnv(LoopRun run) {
        Map<String, String> env = new java.util.HashMap<>(Map.of("VOXLOOP_RUN_ID", run.id(), "VOXLOOP_TICKET",
                run.ticketKey()));
        String key = System.getenv(CLAUDE_KEY);
        if (key != null) {
            env.put(CLAUDE_KEY, key);
        }
        return env;
    }
}

package dev.voxloop.loop.agent;

import dev.voxloop.core.loop.LoopRun;
import dev.voxloop.core.problem.Problem;
import dev.voxloop.loop.LoopSettings;
import dev.voxloop.loop.ProjectConfig;
import dev.voxloop.loop.workspace.Workspace;
import java.nio.file.Path;
import java.util.Map;

/** The agents voxloop knows: {@code claude}, {@code command} and {@code replay}, chosen per project. */
public final class Agents implements AgentFactory {

    private final LoopSettings settings;
    private final Path dataDir;

    public Agents(LoopSettings settings, Path dataDir) {
        this.settings = settings;
        this.dataDir = dataDir;
    }

    @Override
    public CodingAgent create(ProjectConfig p, LoopRun run, Workspace ws) {
        return switch (p.agent()) {
            case "replay" -> {
                if (p.replayScript() == null) {
                    throw Problem.invalid("loop.projects." + p.key() + ".replay_script",
                            "the replay agent needs a script");
                }
                yield ReplayAgent.fromFile(dataDir.resolve(p.replayScript()));
            }
            case "command" -> new CommandAgent(p.agentCommand(), Map.of("VOXLOOP_RUN_ID", run.id(),
                    "VOXLOOP_TICKET", run.ticketKey()));
            case "claude" -> new ClaudeAgent(p.agentCommand().isEmpty() ? java.util.List.of(settings.claudeCommand())
                    : p.agentCommand(), settings.voxloopCommand(), p.model(), settings.claudeMaxTurns(),
                    Map.of("VOXLOOP_RUN_ID", run.id(), "VOXLOOP_TICKET", run.ticketKey()));
            default -> throw Problem.invalid("loop.projects." + p.key() + ".agent", "unknown agent '" + p.agent()
                    + "' (claude, command or replay)");
        };
    }
}

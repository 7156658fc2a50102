package dev.voxloop.app.init;

import dev.voxloop.core.guard.AgentHooks;
import dev.voxloop.loop.agent.AgentDoctor;
import dev.voxloop.loop.agent.AgentProfile;
import dev.voxloop.loop.workspace.RunSandbox;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Which coding agents are installed and usable on this machine, by the same checks as {@code voxloop doctor}
 * (the CLI runs and is new enough, a key or a login, voxloop's hooks answer): Claude Code, Codex, and the
 * built-in agent (an OpenAI-compatible key or a local Ollama).
 */
public final class AgentChoice {

    /** One agent: usable or not, and the doctor's findings in words. */
    public record Candidate(String name, boolean usable, String detail) {
    }

    static final List<String> ORDER = List.of("claude", "codex", "builtin");

    private final AgentDoctor doctor;
    private final String claudeCommand;

    public AgentChoice(Map<String, String> env, AgentHooks hooks, RunSandbox sandbox, String claudeCommand) {
        this.doctor = new AgentDoctor(env, hooks, sandbox);
        this.claudeCommand = claudeCommand;
    }

    public List<Candidate> candidates() {
        List<Candidate> out = new ArrayList<>();
        for (String name : ORDER) {
            List<AgentDoctor.Finding> findings = doctor.check(name, AgentProfile.named(name), claudeCommand);
            boolean usable = findings.stream().allMatch(AgentDoctor.Finding::ok);
            // a ready agent is described by what was found; one that is not, by what is missing
            out.add(new Candidate(name, usable, String.join("; ", findings.stream()
                    .filter(f -> usable || !f.ok()).map(AgentDoctor.Finding::detail).toList())));
        }
        return out;
    }

    /** The first usable agent, or null when none is. */
    public static String pick(List<Candidate> candidates) {
        return candidates.stream().filter(Candidate::usable).map(Candidate::name).findFirst().orElse(null);
    }
}

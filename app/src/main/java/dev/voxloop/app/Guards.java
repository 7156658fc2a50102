package dev.voxloop.app;

import dev.voxloop.core.guard.AgentHooks;
import dev.voxloop.core.guard.RunMarkers;
import dev.voxloop.core.guard.ToolUsePolicy;
import dev.voxloop.guard.githook.GitHooks;
import dev.voxloop.guard.hook.HookHandler;
import dev.voxloop.guard.hook.RunMarkerFile;
import dev.voxloop.guard.hook.SocketHooks;
import dev.voxloop.guard.policy.ToolUseRules;
import dev.voxloop.loop.LoopSettings;
import dev.voxloop.loop.gate.GateSuite;
import dev.voxloop.loop.workspace.RunSandbox;
import java.time.Clock;
import java.util.HashSet;
import java.util.Set;

/**
 * Wires the guard: the tool-use policy (with the configured package allowlist), the run markers the loop writes
 * and the hooks read, and the hook handlers of {@code voxloop hook} and {@code voxloop githook}. The hooks need
 * only the settings: they run inside an agent's process tree, with no database.
 */
public final class Guards {

    private Guards() {
    }

    public static ToolUsePolicy policy(LoopSettings settings) {
        return new ToolUseRules(settings.allowlist());
    }

    public static RunMarkers markers() {
        return new RunMarkerFile();
    }

    /**
     * The handler of {@code voxloop hook ...}: the policy, and the loop's own gates for the Stop hook, their
     * commands run in {@code sandbox} (the hook itself runs inside the agent's sandbox, so directly there).
     */
    public static HookHandler hookHandler(LoopSettings settings, RunSandbox sandbox) {
        ToolUsePolicy policy = policy(settings);
        return new HookHandler(policy, new GateSuite(policy, sandbox), markers(), Clock.systemUTC());
    }

    /**
     * voxloop's hooks as the agents reach them: a socket per turn for the CLIs, in-process for the built-in agent;
     * the Stop hook's gate commands run in {@code sandbox}.
     */
    public static AgentHooks agentHooks(LoopSettings settings, RunSandbox sandbox) {
        return new SocketHooks(hookHandler(settings, sandbox));
    }

    /** The git hooks of {@code voxloop githook ...}: default branches are main, master and every project's. */
    public static GitHooks gitHooks(LoopSettings settings) {
        Set<String> defaults = new HashSet<>(Set.of("main", "master"));
        settings.projects().values().forEach(p -> defaults.add(p.defaultBranch()));
        return new GitHooks(defaults);
    }
}

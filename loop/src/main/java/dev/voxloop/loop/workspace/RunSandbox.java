package dev.voxloop.loop.workspace;

import dev.voxloop.core.sandbox.LimitHit;
import dev.voxloop.core.sandbox.Network;
import dev.voxloop.core.sandbox.Sandbox;
import dev.voxloop.core.sandbox.SandboxLimits;
import dev.voxloop.core.sandbox.SandboxRequest;
import dev.voxloop.core.sandbox.SandboxResult;
import dev.voxloop.core.sandbox.Sandbox.OutputWatcher;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * How the loop runs commands for a run: every agent turn and every gate command inside the sandbox. Agent turns
 * get the run's own home (under {@code homes}, so the agent's config survives between turns), the project's
 * network ({@code networks} by project key: none unless the project allows hosts) plus their model API, and room
 * for a long event stream ({@link #AGENT_OUTPUT}); gate commands get a fresh home and no network (tests must not
 * need one; offline builds use the read-only Maven repository).
 */
public record RunSandbox(Sandbox sandbox, Function<String, Network> networks, SandboxLimits limits, Path homes) {

    /** Output an agent turn may write (its event stream, not its tools' output) before it is stopped. */
    public static final long AGENT_OUTPUT = 64L << 20;

    /** The run's agent home on the host. */
    public Path home(String runId) {
        return homes.resolve(runId);
    }

    /** One turn of a command-line agent (the agent's own API key and run ids in {@code env}). */
    public CommandResult agentTurn(List<String> argv, Path workspace, Map<String, String> env, String stdin,
                                   String runId, String ticketKey, Duration timeout) {
        return agentTurn(new AgentCommand(argv, env, stdin, List.of(), List.of()), workspace, runId, ticketKey,
                timeout, OutputWatcher.NONE);
    }

    /**
     * One agent process (a CLI's whole turn, or one tool call of voxloop's own agent) with the paths and hosts it
     * needs; {@code watcher} sees its output lines as they arrive and may stop it.
     */
    public CommandResult agentTurn(AgentCommand c, Path workspace, String runId, String ticketKey, Duration timeout,
                                   OutputWatcher watcher) {
        SandboxLimits l = limits.withWallTime(timeout).withOutputBytes(Math.max(limits.outputBytes(), AGENT_OUTPUT));
        return result(sandbox.run(new SandboxRequest(c.argv(), workspace, c.env(), c.stdin(), home(runId),
                network(projectOf(ticketKey), c.egress()), l, ticketKey, c.binds()), watcher));
    }

    /**
     * One reviewer process: {@code tree} mounted read-only (nothing of the change can be altered), a fresh home
     * removed afterwards, and no network but the command's own hosts (its model API), whatever the project allows.
     */
    public CommandResult readOnlyTurn(AgentCommand c, Path tree, String subject, Duration timeout,
                                      OutputWatcher watcher) {
        SandboxLimits l = limits.withWallTime(timeout).withOutputBytes(Math.max(limits.outputBytes(), AGENT_OUTPUT));
        Network n = c.egress().isEmpty() ? Network.NONE : new Network.Allowlist(c.egress());
        return result(sandbox.run(new SandboxRequest(c.argv(), tree, c.env(), c.stdin(), null, n, l, subject,
                c.binds()).readingOnly(), watcher));
    }

    /** The project's network, with the agent's own hosts added to its allowlist. */
    private Network network(String project, List<String> egress) {
        Network n = project == null ? Network.NONE : networks.apply(project);
        if (egress.isEmpty()) {
            return n;
        }
        List<String> hosts = new ArrayList<>(n instanceof Network.Allowlist a ? a.hosts() : List.of());
        egress.stream().filter(h -> !hosts.contains(h)).forEach(hosts::add);
        return new Network.Allowlist(hosts);
    }

    /** True when commands run isolated (a backend other than {@code none}). */
    public boolean isolates() {
        return sandbox.isolates();
    }

    /** A gate's shell command line, as the gates read results: the limit that stopped it is in the output. */
    public CommandResult shell(String line, Path workspace, Duration timeout) {
        return result(sandbox.run(new SandboxRequest(List.of("sh", "-c", line), workspace, Map.of(), null, null,
                Network.NONE, limits.withWallTime(timeout), null)));
    }

    /** A program's output with the reason of the limit that stopped it; exit -1 when a limit did. */
    private static CommandResult result(SandboxResult r) {
        return new CommandResult(r.limitHit() == null ? r.exit() : -1, r.tail(Integer.MAX_VALUE),
                r.limitHit() instanceof LimitHit.WallTime, r.millis());
    }

    /** What every run says about where its commands run (loudly when nothing is isolated). */
    public String describe() {
        return sandbox.describe();
    }

    private static String projectOf(String ticketKey) {
        int dash = ticketKey == null ? -1 : ticketKey.lastIndexOf('-');
        return dash > 0 ? ticketKey.substring(0, dash) : ticketKey;
    }
}

package dev.voxloop.core.sandbox;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One command to run inside the sandbox.
 *
 * @param command   the argv (no shell unless the caller asks for one)
 * @param workspace the one writable tree (the run's clone); also the working directory
 * @param env       variables on top of the sandbox's allowlisted environment (the agent's own API key, run ids)
 * @param stdin     text given on standard input, or null for none
 * @param home      the agent's home for the run (its own config directory lives there), or null for a fresh
 *                  empty home that is removed afterwards
 * @param network   {@link Network#NONE} unless the project allows hosts
 * @param limits    wall time, memory, processes, output
 * @param subject   the ticket key events are filed under, or null
 * @param binds     more host paths visible inside at the same place (an agent's installation, its hook socket
 *                  directory), read-only unless marked writable
 * @param readOnly  the workspace is read-only too (a reviewer looks at a change and may change nothing); only the
 *                  home and /tmp can be written
 */
public record SandboxRequest(List<String> command, Path workspace, Map<String, String> env, String stdin,
                             Path home, Network network, SandboxLimits limits, String subject, List<Bind> binds,
                             boolean readOnly) {

    public SandboxRequest(List<String> command, Path workspace, Map<String, String> env, String stdin, Path home,
                          Network network, SandboxLimits limits, String subject, List<Bind> binds) {
        this(command, workspace, env, stdin, home, network, limits, subject, binds, false);
    }

    /** A host path made visible inside the sandbox at the same place. */
    public record Bind(Path path, boolean writable) {

        public static Bind readOnly(Path path) {
            return new Bind(path, false);
        }
    }

    public SandboxRequest(List<String> command, Path workspace, Map<String, String> env, String stdin, Path home,
                          Network network, SandboxLimits limits, String subject) {
        this(command, workspace, env, stdin, home, network, limits, subject, List.of());
    }

    public SandboxRequest {
        if (command == null || command.isEmpty()) {
            throw new IllegalArgumentException("a sandboxed command needs at least a program name");
        }
        command = List.copyOf(command);
        env = Map.copyOf(env == null ? Map.of() : env);
        network = network == null ? Network.NONE : network;
        limits = limits == null ? SandboxLimits.DEFAULTS : limits;
        binds = List.copyOf(binds == null ? List.of() : binds);
    }

    /** A command in a workspace with no extra environment, no network and the default limits. */
    public static SandboxRequest of(List<String> command, Path workspace) {
        return new SandboxRequest(command, workspace, Map.of(), null, null, Network.NONE, SandboxLimits.DEFAULTS,
                null);
    }

    /** {@code sh -c line} in a workspace. */
    public static SandboxRequest shell(String line, Path workspace) {
        return of(List.of("sh", "-c", line), workspace);
    }

    public SandboxRequest withEnv(Map<String, String> more) {
        Map<String, String> m = new LinkedHashMap<>(env);
        m.putAll(more);
        return new SandboxRequest(command, workspace, m, stdin, home, network, limits, subject, binds, readOnly);
    }

    public SandboxRequest withStdin(String text) {
        return new SandboxRequest(command, workspace, env, text, home, network, limits, subject, binds, readOnly);
    }

    public SandboxRequest withHome(Path dir) {
        return new SandboxRequest(command, workspace, env, stdin, dir, network, limits, subject, binds, readOnly);
    }

    public SandboxRequest withNetwork(Network n) {
        return new SandboxRequest(command, workspace, env, stdin, home, n, limits, subject, binds, readOnly);
    }

    public SandboxRequest withLimits(SandboxLimits l) {
        return new SandboxRequest(command, workspace, env, stdin, home, network, l, subject, binds, readOnly);
    }

    public SandboxRequest withBinds(List<Bind> more) {
        List<Bind> all = new ArrayList<>(binds);
        all.addAll(more);
        return new SandboxRequest(command, workspace, env, stdin, home, network, limits, subject, all, readOnly);
    }

    /** The same command with the workspace mounted read-only. */
    public SandboxRequest readingOnly() {
        return new SandboxRequest(command, workspace, env, stdin, home, network, limits, subject, binds, true);
    }

    public SandboxRequest withSubject(String ticketKey) {
        return new SandboxRequest(command, workspace, env, stdin, home, network, limits, ticketKey, binds, readOnly);
    }
}

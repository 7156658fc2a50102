package dev.voxloop.loop.workspace;

import dev.voxloop.core.sandbox.SandboxRequest.Bind;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What one agent process needs inside the sandbox besides the workspace and its run's home: its argv, the variables
 * it is given (its own API key and base URL, run ids; nothing else of the worker's), its stdin, the host paths it
 * must see read-only (its installation, the turn's hook socket directory) and the hosts it may reach through the
 * egress proxy (its model API) on top of the project's.
 */
public record AgentCommand(List<String> argv, Map<String, String> env, String stdin, List<Path> readOnly,
                           List<String> egress) {

    public AgentCommand {
        argv = List.copyOf(argv);
        env = Map.copyOf(env);
        readOnly = List.copyOf(readOnly);
        egress = List.copyOf(egress);
    }

    public static AgentCommand of(List<String> argv, Map<String, String> env) {
        return new AgentCommand(argv, env, null, List.of(), List.of());
    }

    public AgentCommand seeing(List<Path> paths) {
        List<Path> all = new ArrayList<>(readOnly);
        all.addAll(paths);
        return new AgentCommand(argv, env, stdin, all, egress);
    }

    public AgentCommand reaching(List<String> hosts) {
        List<String> all = new ArrayList<>(egress);
        all.addAll(hosts);
        return new AgentCommand(argv, env, stdin, readOnly, all);
    }

    /**
     * An API's base URL as an egress allowlist entry: {@code host} for the usual ports (80, 443), else
     * {@code host:port}.
     */
    public static String hostOf(String baseUrl) {
        URI u = URI.create(baseUrl.strip());
        if (u.getHost() == null) {
            throw new IllegalArgumentException("not an absolute http(s) URL: " + baseUrl);
        }
        int port = u.getPort();
        return port < 0 || port == 80 || port == 443 ? u.getHost() : u.getHost() + ":" + port;
    }

    List<Bind> binds() {
        return readOnly.stream().map(Bind::readOnly).toList();
    }
}

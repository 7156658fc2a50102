package dev.voxloop.guard.sandbox;

import dev.voxloop.core.config.ConfigKey;
import dev.voxloop.core.config.ConfigTree;
import dev.voxloop.core.sandbox.Network;
import dev.voxloop.core.sandbox.SandboxLimits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The sandbox's settings ({@code sandbox.*} in voxloop.yaml).
 *
 * @param backend        bubblewrap (default) or none
 * @param readOnly       extra host paths visible read-only inside (a JDK or tool outside /usr, voxloop itself)
 * @param passEnv        host environment variables passed in by name (everything else is absent)
 * @param mavenRepository a local Maven repository shown read-only as ~/.m2/repository (offline builds), or null
 * @param mavenWrappers  Maven wrapper distributions shown read-only as ~/.m2/wrapper, or null
 * @param limits         the default limits of one command
 * @param useCgroups     limit memory and processes with cgroups when this process may create them
 * @param egress         per project key, the hosts its commands may reach through the egress proxy; a project not
 *                       listed has no network
 */
public record SandboxSettings(String backend, String bwrapCommand, List<Path> readOnly, List<String> passEnv,
                              Path mavenRepository, Path mavenWrappers, SandboxLimits limits, boolean useCgroups,
                              Map<String, List<String>> egress) {

    public static final List<ConfigKey> KEYS = List.of(
            ConfigKey.of("sandbox.backend", "Where agent turns, gates and CI checks run: bubblewrap (default on"
                    + " Linux) or none (no isolation at all; said loudly everywhere)", "VOXLOOP_SANDBOX"),
            ConfigKey.of("sandbox.bwrap", "The bubblewrap executable (default bwrap)", "VOXLOOP_SANDBOX_BWRAP"),
            ConfigKey.of("sandbox.read_only", "Extra host paths shown read-only inside the sandbox (a JDK outside"
                    + " /usr, tools, voxloop's own install for agent hooks)"),
            ConfigKey.of("sandbox.pass_env", "Host environment variables passed into the sandbox by name (the"
                    + " environment is otherwise an allowlist: PATH, HOME, LANG, TZ, JAVA_HOME)"),
            ConfigKey.of("sandbox.maven_repository", "Local Maven repository shown read-only as ~/.m2/repository"
                    + " so builds work offline (default ~/.m2/repository when it exists; 'none' to hide it)"),
            ConfigKey.of("sandbox.limits.wall_time", "Wall time of one sandboxed command (default 15m)"),
            ConfigKey.of("sandbox.limits.memory", "Memory of one command's process tree (default 4g)"),
            ConfigKey.of("sandbox.limits.processes", "Processes and threads at once (default 1024)"),
            ConfigKey.of("sandbox.limits.output", "Output kept per command; more stops it (default 4m)"),
            ConfigKey.of("sandbox.cgroups", "Use cgroups for memory and process limits when allowed (default true)"),
            ConfigKey.of("sandbox.egress.*", "Per project key, the hosts (host, host:port, *.domain) its agent turns"
                    + " may reach through voxloop's egress proxy; projects not listed have no network"));

    public static SandboxSettings defaults() {
        return from(ConfigTree.empty());
    }

    public static SandboxSettings from(ConfigTree c) {
        Path m2 = Path.of(System.getProperty("user.home"), ".m2");
        String repo = c.string("sandbox.maven_repository", Files.isDirectory(m2.resolve("repository"))
                ? m2.resolve("repository").toString() : "none");
        SandboxLimits d = SandboxLimits.DEFAULTS;
        SandboxLimits limits = new SandboxLimits(c.duration("sandbox.limits.wall_time", d.wallTime()),
                bytes(c.string("sandbox.limits.memory", null), d.memoryBytes()),
                c.integer("sandbox.limits.processes", d.processes()),
                bytes(c.string("sandbox.limits.output", null), d.outputBytes()));
        return new SandboxSettings(c.string("sandbox.backend", "bubblewrap").strip().toLowerCase(Locale.ROOT),
                c.string("sandbox.bwrap", "bwrap"), c.strings("sandbox.read_only").stream().map(Path::of).toList(),
                c.strings("sandbox.pass_env"), repo.equals("none") ? null : Path.of(repo),
                Files.isDirectory(m2.resolve("wrapper")) ? m2.resolve("wrapper") : null, limits,
                c.bool("sandbox.cgroups", true), egress(c));
    }

    private static Map<String, List<String>> egress(ConfigTree c) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String key : c.keys("sandbox.egress")) {
            out.put(key, c.strings("sandbox.egress." + key));
        }
        return out;
    }

    /** The network of a project's agent turns: an allowlist when hosts are configured for it, else none. */
    public Network network(String projectKey) {
        List<String> hosts = egress.get(projectKey);
        return hosts == null || hosts.isEmpty() ? Network.NONE : new Network.Allowlist(hosts);
    }

    /** "4g", "512m", "64k" or a number of bytes. */
    static long bytes(String text, long fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        String t = text.strip().toLowerCase(Locale.ROOT).replaceAll("i?b$", "");
        long unit = switch (t.charAt(t.length() - 1)) {
            case 'k' -> 1L << 10;
            case 'm' -> 1L << 20;
            case 'g' -> 1L << 30;
            default -> 1;
        };
        String digits = unit == 1 ? t : t.substring(0, t.length() - 1);
        try {
            return Long.parseLong(digits.strip()) * unit;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a size like 4g, 512m or 65536 was expected, got '" + text + "'");
        }
    }
}

package dev.voxloop.guard.sandbox;

import dev.voxloop.core.config.ByteSize;
import dev.voxloop.core.config.ConfigTree;
import dev.voxloop.core.config.Key;
import dev.voxloop.core.config.Settings;
import dev.voxloop.core.sandbox.Network;
import dev.voxloop.core.sandbox.SandboxLimits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The sandbox's settings ({@code sandbox.*} in voxloop.yaml), each key declared once on its component. The last
 * three components are derived: the limits from {@code sandbox.limits}, the Maven wrapper distributions next to
 * the repository, and each project's egress hosts from {@code sandbox.egress}.
 *
 * @param readOnly        extra host paths visible read-only inside (a JDK or tool outside /usr, voxloop itself)
 * @param passEnv         host environment variables passed in by name (everything else is absent)
 * @param mavenRepository a local Maven repository shown read-only as ~/.m2/repository, or "none"
 * @param egress          per project key, the hosts its commands may reach through the egress proxy; a project not
 *                        listed has no network
 */
public record SandboxSettings(
        @Key(path = "sandbox.backend", fallback = "bubblewrap", env = "VOXLOOP_SANDBOX",
                doc = "Where agent turns, gates and CI checks run: bubblewrap (Linux namespaces) or none (no isolation"
                        + " at all, said loudly by doctor, the console and every run)")
        String backend,
        @Key(path = "sandbox.bwrap", fallback = "bwrap", env = "VOXLOOP_SANDBOX_BWRAP",
                doc = "The bubblewrap executable")
        String bwrapCommand,
        @Key(path = "sandbox.read_only",
                doc = "Extra host paths shown read-only inside the sandbox (a JDK outside /usr, tools, voxloop's own"
                        + " install for agent hooks)")
        List<String> readOnly,
        @Key(path = "sandbox.pass_env",
                doc = "Host environment variables passed into the sandbox by name (otherwise only PATH, HOME, LANG,"
                        + " TZ, JAVA_HOME and the agent's own API key are set)")
        List<String> passEnv,
        @Key(path = "sandbox.maven_repository", fallback = "~/.m2/repository",
                doc = "Local Maven repository shown read-only as ~/.m2/repository so builds work offline ('none' hides"
                        + " it)")
        String mavenRepository,
        @Key(path = "sandbox.limits")
        Limits limitTable,
        @Key(path = "sandbox.cgroups", fallback = "true",
                doc = "Limit memory and processes with cgroups when voxloop may create them (else rlimits)")
        boolean useCgroups,
        @Key(path = "sandbox.egress",
                doc = "Per project key, the hosts (host, host:port, *.domain) its agent turns may reach through"
                        + " voxloop's egress proxy; projects not listed have no network")
        Map<String, Object> egressTable,
        SandboxLimits limits,
        Path mavenWrappers,
        Map<String, List<String>> egress) {

    /** The limits of one command ({@code sandbox.limits.*}). */
    public record Limits(
            @Key(path = "wall_time", fallback = "15m", doc = "Wall time of one sandboxed command")
            Duration wallTime,
            @Key(path = "memory", fallback = "4g", doc = "Memory of one command's whole process tree")
            ByteSize memory,
            @Key(path = "processes", fallback = "1024", doc = "Processes and threads of one command at once")
            int processes,
            @Key(path = "output", fallback = "4mb", doc = "Output kept per command; a command writing more is stopped")
            ByteSize output) {
    }

    public SandboxSettings {
        backend = backend.strip().toLowerCase(Locale.ROOT);
        if (!List.of("bubblewrap", "bwrap", "none").contains(backend)) {
            throw new IllegalArgumentException("sandbox.backend must be bubblewrap or none, not '" + backend + "'");
        }
        readOnly = readOnly == null ? List.of() : List.copyOf(readOnly);
        passEnv = passEnv == null ? List.of() : List.copyOf(passEnv);
        egressTable = egressTable == null ? Map.of() : egressTable;
        if (limits == null) {
            limits = new SandboxLimits(limitTable.wallTime(), limitTable.memory().bytes(), limitTable.processes(),
                    limitTable.output().bytes());
        }
        if (mavenWrappers == null && !"none".equals(mavenRepository)) {
            Path w = home(mavenRepository).resolveSibling("wrapper");
            mavenWrappers = Files.isDirectory(w) ? w : null;
        }
        if (egress == null) {
            Map<String, List<String>> m = new LinkedHashMap<>();
            ConfigTree t = new ConfigTree(egressTable);
            for (String project : t.keys("")) {
                m.put(project, t.strings(project));
            }
            egress = m;
        }
        egress = Map.copyOf(egress);
    }

    public static SandboxSettings from(ConfigTree c) {
        return Settings.bind(SandboxSettings.class, c);
    }

    public static SandboxSettings defaults() {
        return from(ConfigTree.empty());
    }

    /** The repository to show read-only as ~/.m2/repository, or null. */
    public Path mavenRepositoryPath() {
        Path p = "none".equals(mavenRepository) ? null : home(mavenRepository);
        return p != null && Files.isDirectory(p) ? p : null;
    }

    private static Path home(String path) {
        return path.equals("~") || path.startsWith("~/") ? Path.of(System.getProperty("user.home") + path.substring(1))
                : Path.of(path);
    }

    /** The network of a project's agent turns: an allowlist when hosts are configured for it, else none. */
    public Network network(String projectKey) {
        List<String> hosts = egress.get(projectKey);
        return hosts == null || hosts.isEmpty() ? Network.NONE : new Network.Allowlist(hosts);
    }
}

package dev.voxloop.guard.sandbox;

import dev.voxloop.core.sandbox.Network;
import dev.voxloop.core.sandbox.SandboxRequest;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The environment of a sandboxed command, an allowlist: a fixed PATH, the home, locale and time zone, the JDK,
 * the names the settings pass through, the caller's own variables (an agent's API key; never its HOME) and the
 * proxy variables in allowlist mode (not for the {@code none} backend, which runs no proxy: its network is the
 * host's). Nothing else of the worker's environment (tokens, cloud keys, git credentials) is passed.
 */
final class SandboxEnvironment {

    static final String PROXY = "http://127.0.0.1:3128";
    private static final List<String> HOST_NAMES = List.of("LANG", "LC_ALL", "LC_CTYPE", "TZ");

    private SandboxEnvironment() {
    }

    static Map<String, String> of(SandboxRequest r, SandboxSettings s, Path userHome, String backend,
                                  Map<String, String> host) {
        Map<String, String> env = new LinkedHashMap<>();
        String javaHome = System.getProperty("java.home");
        env.put("PATH", javaHome + "/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
        env.put("HOME", userHome.toString());
        env.put("USER", System.getProperty("user.name"));
        env.put("LOGNAME", System.getProperty("user.name"));
        env.put("TMPDIR", "/tmp");
        env.put("TERM", "dumb");
        env.put("JAVA_HOME", javaHome);
        env.put("LANG", "C.UTF-8");
        for (String name : HOST_NAMES) {
            if (host.get(name) != null) {
                env.put(name, host.get(name));
            }
        }
        for (String name : s.passEnv()) {
            if (host.get(name) != null) {
                env.put(name, host.get(name));
            }
        }
        if (r.network() instanceof Network.None) {
            env.merge("MAVEN_ARGS", "-o", (mine, offline) -> mine + " " + offline);
        } else if (!"none".equals(backend)) {
            for (String name : List.of("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY")) {
                env.put(name, PROXY);
            }
            env.put("no_proxy", "");
            env.put("NO_PROXY", "");
        }
        env.putAll(r.env());
        env.put("HOME", userHome.toString());
        env.put("VOXLOOP_SANDBOXED", backend);
        return env;
    }
}

package dev.voxloop.server.security;

import dev.voxloop.core.problem.Problem;
import dev.voxloop.server.ServerSettings;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.net.URI;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Without an API token the server trusts whoever can reach it, so it must make sure a browser is not being used
 * against it: the {@code Host} must name this server (an IP address, localhost, the bound host name or one of
 * {@code server.allowed_hosts}; a foreign name means DNS rebinding), and an {@code Origin}, when a browser sends
 * one, must be this same server or a configured CORS origin (else a page on another site is calling, or opening
 * the event WebSocket). Both checks apply to HTTP requests and WebSocket upgrades; a refusal is 403. With a token
 * configured the token is the check and this one is off.
 */
public final class HostCheck {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final boolean enabled;
    private final Set<String> hosts = new HashSet<>();
    private final Set<String> origins = new HashSet<>();

    public HostCheck(ServerSettings settings) {
        this.enabled = settings.apiToken() == null && !settings.allowedHosts().contains("*");
        hosts.add("localhost");
        if (!settings.host().isBlank()) {
            hosts.add(settings.host().toLowerCase(Locale.ROOT));
        }
        settings.allowedHosts().forEach(h -> hosts.add(h.toLowerCase(Locale.ROOT)));
        settings.corsOrigins().forEach(o -> origins.add(o.toLowerCase(Locale.ROOT)));
    }

    public boolean enabled() {
        return enabled;
    }

    public void register(JavalinDefaultRoutingApi routes) {
        if (!enabled) {
            return;
        }
        routes.before(ctx -> check(ctx.header("Host"), ctx.header("Origin")));
        routes.wsBeforeUpgrade(ctx -> check(ctx.header("Host"), ctx.header("Origin")));
    }

    /**
     * Throws FORBIDDEN unless {@code host} names this server and {@code origin} (if any) is this server; passes
     * everything when the check is off. Public for the servlets outside the router ({@code /git/*}).
     */
    public void check(String host, String origin) {
        if (!enabled) {
            return;
        }
        if (host == null || host.isBlank()) {
            throw new Problem(Problem.Kind.FORBIDDEN, "A Host header is required");
        }
        String name = hostName(host);
        if (!allowedName(name)) {
            throw new Problem(Problem.Kind.FORBIDDEN, "This server does not answer to the host name '" + name
                    + "'; add it to server.allowed_hosts (VOXLOOP_ALLOWED_HOSTS) or set an API token");
        }
        if (origin != null && !sameOrigin(origin, host) && !origins.contains("*")
                && !origins.contains(origin.strip().toLowerCase(Locale.ROOT))) {
            throw new Problem(Problem.Kind.FORBIDDEN, "Requests from the origin " + origin.strip()
                    + " are not allowed; add it to server.cors_origins or set an API token");
        }
    }

    private boolean allowedName(String name) {
        return hosts.contains(name) || name.endsWith(".localhost") || IPV4.matcher(name).matches() || name.contains(":");
    }

    /** An origin is this server when its host and port are the ones the request was sent to. */
    private static boolean sameOrigin(String origin, String host) {
        try {
            URI o = URI.create(origin.strip());
            if (o.getHost() == null || o.getScheme() == null) {
                return false;
            }
            int port = o.getPort() != -1 ? o.getPort() : "https".equalsIgnoreCase(o.getScheme()) ? 443 : 80;
            String authority = o.getHost().toLowerCase(Locale.ROOT) + ":" + port;
            String target = host.strip().toLowerCase(Locale.ROOT);
            int colon = target.lastIndexOf(':');
            if (colon < 0 || target.endsWith("]")) {
                target = target + ":" + port;
            }
            return authority.equals(target);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** {@code example.com:8000} → {@code example.com}, {@code [::1]:8000} → {@code ::1}, lower case, no final dot. */
    static String hostName(String host) {
        String h = host.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end < 0 ? h : h.substring(1, end);
        }
        int colon = h.lastIndexOf(':');
        if (colon >= 0) {
            h = h.substring(0, colon);
        }
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }
}

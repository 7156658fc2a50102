package dev.voxloop.guard.sandbox;

import java.net.InetAddress;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which hosts a project lets its sandboxed commands reach: {@code host} (ports 80 and 443), {@code host:port},
 * or {@code *.domain} (any sub-domain, not the domain itself). Addresses on this machine (loopback, link-local,
 * the unspecified address) are refused even for an allowed name unless the entry names that address literally,
 * so an allowed name cannot be pointed at a service voxloop's own host runs.
 */
record EgressRules(List<String> hosts) {

    EgressRules {
        hosts = hosts.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).filter(h -> !h.isEmpty()).toList();
    }

    /** Why a connection to host:port is refused, or empty when it is allowed by name. */
    Optional<String> refusal(String host, int port) {
        String h = host.toLowerCase(Locale.ROOT);
        for (String entry : hosts) {
            if (matches(entry, h, port)) {
                return Optional.empty();
            }
        }
        return Optional.of(host + ":" + port + " is not on this project's egress allowlist");
    }

    /** Why the resolved address may not be used (an allowed name that points at this machine), or empty. */
    Optional<String> refusal(String host, int port, InetAddress address) {
        boolean local = address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isAnyLocalAddress();
        if (local && !hosts.contains(address.getHostAddress() + ":" + port)
                && !hosts.contains(address.getHostAddress())) {
            return Optional.of(host + " resolves to " + address.getHostAddress()
                    + ", an address on this machine, which only an entry naming that address may reach");
        }
        return Optional.empty();
    }

    private static boolean matches(String entry, String host, int port) {
        String name = entry;
        Integer only = null;
        int colon = entry.lastIndexOf(':');
        if (colon > 0 && entry.indexOf(':') == colon) {
            name = entry.substring(0, colon);
            only = Integer.parseInt(entry.substring(colon + 1));
        }
        boolean portOk = only == null ? port == 80 || port == 443 : only == port;
        if (!portOk) {
            return false;
        }
        return name.startsWith("*.") ? host.endsWith(name.substring(1)) : host.equals(name);
    }
}

package dev.voxloop.core.sandbox;

import java.util.List;

/** What a sandboxed command may reach on the network. */
public sealed interface Network {

    /** No network at all: only a private loopback interface. */
    record None() implements Network {
    }

    /**
     * HTTP and HTTPS through voxloop's egress proxy, to these hosts only ({@code host}, {@code host:port} or
     * {@code *.domain}); every refused connection becomes an event.
     */
    record Allowlist(List<String> hosts) implements Network {
        public Allowlist {
            hosts = List.copyOf(hosts);
        }
    }

    Network NONE = new None();

    /** {@code none} or {@code allowlist} (with the given hosts), as written in configuration and on the CLI. */
    static Network parse(String mode, List<String> hosts) {
        return switch (mode == null ? "none" : mode.strip()) {
            case "none", "" -> NONE;
            case "allowlist" -> new Allowlist(hosts);
            default -> throw new IllegalArgumentException("network must be none or allowlist, not '" + mode + "'");
        };
    }
}

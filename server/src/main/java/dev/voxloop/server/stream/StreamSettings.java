package dev.voxloop.server.stream;

import dev.voxloop.core.config.Key;
import java.time.Duration;

/**
 * Limits of the live streams ({@code server.streams.*}): how often WebSocket clients are pinged (a client that sends
 * nothing back, not even the pong, for a whole interval is disconnected), and how many stream clients (WebSockets
 * and SSE together) the server keeps in all and from one client address.
 */
public record StreamSettings(
        @Key(path = "ping", fallback = "15s", env = "VOXLOOP_STREAM_PING",
                doc = "How often stream clients are pinged; a WebSocket client that answers nothing for a whole"
                        + " interval is disconnected")
        Duration ping,
        @Key(path = "max_clients", fallback = "200", env = "VOXLOOP_STREAM_MAX_CLIENTS",
                doc = "Stream clients (WebSockets and SSE) kept at once; more are refused (WebSocket close 1013, SSE 503)")
        int maxClients,
        @Key(path = "max_per_address", fallback = "32", env = "VOXLOOP_STREAM_MAX_PER_ADDRESS",
                doc = "Stream clients kept at once from one client IP address")
        int maxPerAddress) {

    public StreamSettings {
        if (ping == null || ping.isNegative() || ping.isZero()) {
            throw new IllegalArgumentException("server.streams.ping: expected a positive duration, got " + ping);
        }
        if (maxClients < 1 || maxPerAddress < 1) {
            throw new IllegalArgumentException("server.streams.max_clients and max_per_address must be at least 1, got "
                    + maxClients + " and " + maxPerAddress);
        }
    }
}

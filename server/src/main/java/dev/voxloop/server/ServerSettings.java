package dev.voxloop.server;

import dev.voxloop.core.config.ByteSize;
import dev.voxloop.core.config.ConfigTree;
import dev.voxloop.core.config.Key;
import dev.voxloop.core.config.Settings;
import java.time.Duration;
import java.util.List;

/** Settings of the HTTP server ({@code server.*} in voxloop.yaml), each key declared once on its component. */
public record ServerSettings(
        @Key(path = "server.host", fallback = "127.0.0.1", env = {"APP_HOST", "VOXLOOP_HOST"},
                doc = "Interface to bind; 0.0.0.0 exposes the server to the network")
        String host,
        @Key(path = "server.port", fallback = "8000", env = {"APP_PORT", "VOXLOOP_PORT"},
                doc = "TCP port; 0 picks a free one")
        int port,
        @Key(path = "server.api_token", secret = true, env = "VOXLOOP_API_TOKEN",
                doc = "Bearer token required on every mutating endpoint and the streams when set")
        String apiToken,
        @Key(path = "server.max_upload", fallback = "25MB", env = "VOXLOOP_MAX_UPLOAD",
                doc = "Largest audio upload")
        ByteSize maxUpload,
        @Key(path = "server.max_json", fallback = "1MB", env = "VOXLOOP_MAX_JSON",
                doc = "Largest JSON request body")
        ByteSize maxJson,
        @Key(path = "server.cors_origins", env = "VOXLOOP_CORS_ORIGINS",
                doc = "Browser origins allowed to call the API (unset: same-origin only)")
        List<String> corsOrigins,
        @Key(path = "server.allowed_hosts", env = "VOXLOOP_ALLOWED_HOSTS",
                doc = "Host names this server answers to besides localhost and IP addresses, checked (with Origin)"
                        + " when no API token is set; * turns the check off")
        List<String> allowedHosts,
        @Key(path = "server.webhook_secret", secret = true, env = "JIRA_WEBHOOK_SECRET",
                doc = "Shared secret for the Jira webhook's X-Hub-Signature (sha256 HMAC); required when an API token"
                        + " is set (the webhook is refused without it), unset otherwise accepts unsigned calls")
        String webhookSecret,
        @Key(path = "server.webhook_window", fallback = "5m", env = "VOXLOOP_WEBHOOK_WINDOW",
                doc = "How far a signed webhook's timestamp may be from now; older or newer deliveries are replays")
        Duration webhookWindow,
        @Key(path = "server.queue_max_attempts", fallback = "3", env = "VOXLOOP_QUEUE_MAX_ATTEMPTS",
                doc = "Failed runs of one ticket reported by an external runner before it moves to the failed list")
        int queueMaxAttempts,
        @Key(path = "server.loop_lease", fallback = "2h", env = "VOXLOOP_SERVER_LOOP_LEASE",
                doc = "How long an external runner holds a ticket after POST /api/loop/started")
        Duration loopLease) {

    public ServerSettings {
        host = host.strip();
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("server.port: expected 0..65535, got " + port);
        }
        apiToken = apiToken == null || apiToken.isBlank() ? null : apiToken.strip();
        webhookSecret = webhookSecret == null || webhookSecret.isBlank() ? null : webhookSecret;
        corsOrigins = corsOrigins == null ? List.of() : corsOrigins.stream().map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
        allowedHosts = allowedHosts == null ? List.of() : allowedHosts.stream().map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
        if (webhookWindow == null || webhookWindow.isNegative() || webhookWindow.isZero()) {
            throw new IllegalArgumentException("server.webhook_window: expected a positive duration, got "
                    + webhookWindow);
        }
        if (maxUpload == null || maxJson == null) {
            throw new IllegalArgumentException("server.max_upload and server.max_json must be set");
        }
        if (queueMaxAttempts < 1) {
            throw new IllegalArgumentException("server.queue_max_attempts: must be at least 1, got "
                    + queueMaxAttempts);
        }
    }

    public static ServerSettings defaults() {
        return from(ConfigTree.empty());
    }

    public static ServerSettings from(ConfigTree config) {
        return Settings.bind(ServerSettings.class, config);
    }

    public long maxUploadBytes() {
        return maxUpload.bytes();
    }

    public long maxJsonBytes() {
        return maxJson.bytes();
    }

    public ServerSettings withHost(String h) {
        return new ServerSettings(h, port, apiToken, maxUpload, maxJson, corsOrigins, allowedHosts, webhookSecret,
                webhookWindow, queueMaxAttempts, loopLease);
    }

    public ServerSettings withPort(int p) {
        return new ServerSettings(host, p, apiToken, maxUpload, maxJson, corsOrigins, allowedHosts, webhookSecret,
                webhookWindow, queueMaxAttempts, loopLease);
    }

    public ServerSettings withApiToken(String token) {
        return new ServerSettings(host, port, token, maxUpload, maxJson, corsOrigins, allowedHosts, webhookSecret,
                webhookWindow, queueMaxAttempts, loopLease);
    }

    public ServerSettings withWebhookSecret(String secret) {
        return new ServerSettings(host, port, apiToken, maxUpload, maxJson, corsOrigins, allowedHosts, secret,
                webhookWindow, queueMaxAttempts, loopLease);
    }

    public ServerSettings withLimits(long upload, long json) {
        return new ServerSettings(host, port, apiToken, new ByteSize(upload), new ByteSize(json), corsOrigins,
                allowedHosts, webhookSecret, webhookWindow, queueMaxAttempts, loopLease);
    }

    public ServerSettings withCorsOrigins(List<String> origins) {
        return new ServerSettings(host, port, apiToken, maxUpload, maxJson, origins, allowedHosts, webhookSecret,
                webhookWindow, queueMaxAttempts, loopLease);
    }

    public ServerSettings withAllowedHosts(List<String> hosts) {
        return new ServerSettings(host, port, apiToken, maxUpload, maxJson, corsOrigins, hosts, webhookSecret,
                webhookWindow, queueMaxAttempts, loopLease);
    }

    /** Never prints the secrets. */
    @Override
    public String toString() {
        return "ServerSettings[host=" + host + ", port=" + port + ", apiToken=" + (apiToken == null ? "unset" : "***")
                + ", maxUploadBytes=" + maxUploadBytes() + ", maxJsonBytes=" + maxJsonBytes() + ", corsOrigins="
                + corsOrigins + ", allowedHosts=" + allowedHosts + ", webhookSecret=" + (webhookSecret == null ? "unset" : "***") + ", webhookWindow="
                + webhookWindow + ", queueMaxAttempts="
                + queueMaxAttempts + ", loopLease=" + loopLease + "]";
    }
}

package dev.voxloop.server;

import dev.voxloop.core.config.ConfigKey;
import dev.voxloop.core.config.ConfigTree;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Settings of the HTTP server.
 *
 * @param host             interface to bind (default 127.0.0.1: nothing is exposed unless asked)
 * @param port             TCP port (default 8000; 0 picks a free one)
 * @param apiToken         when set, every mutating endpoint and both streams need it (secret), else null
 * @param maxUploadBytes   largest audio upload (default 25 MB)
 * @param maxJsonBytes     largest JSON body (default 1 MB)
 * @param corsOrigins      origins allowed to call from a browser (default none: same-origin only)
 * @param webhookSecret    shared secret of the Jira webhook's X-Hub-Signature (secret), else null
 * @param queueMaxAttempts failures of one ticket before it goes to the dead letter (default 3)
 * @param loopLease        how long an external runner holds a ticket after POST /api/loop/started (default 2h)
 */
public record ServerSettings(String host, int port, String apiToken, long maxUploadBytes, long maxJsonBytes,
                             List<String> corsOrigins, String webhookSecret, int queueMaxAttempts,
                             Duration loopLease) {

    public static final List<ConfigKey> KEYS = List.of(
            ConfigKey.of("server.host", "Interface to bind (default 127.0.0.1; 0.0.0.0 exposes it to the network)",
                    "APP_HOST", "VOXLOOP_HOST"),
            ConfigKey.of("server.port", "TCP port (default 8000)", "APP_PORT", "VOXLOOP_PORT"),
            ConfigKey.secret("server.api_token",
                    "Bearer token required on every mutating endpoint and the streams when set",
                    "VOXLOOP_API_TOKEN"),
            ConfigKey.of("server.max_upload", "Largest audio upload, e.g. 25MB (default 25MB)",
                    "VOXLOOP_MAX_UPLOAD"),
            ConfigKey.of("server.max_json", "Largest JSON request body, e.g. 1MB (default 1MB)", "VOXLOOP_MAX_JSON"),
            ConfigKey.of("server.cors_origins",
                    "Browser origins allowed to call the API, comma separated (default none: same-origin only)",
                    "VOXLOOP_CORS_ORIGINS"),
            ConfigKey.secret("server.webhook_secret",
                    "Shared secret for the Jira webhook's X-Hub-Signature (sha256 HMAC); unset accepts unsigned calls",
                    "JIRA_WEBHOOK_SECRET"),
            ConfigKey.of("server.queue_max_attempts",
                    "Failed loop runs of one ticket before it moves to the failed list (default 3)",
                    "VOXLOOP_QUEUE_MAX_ATTEMPTS"),
            ConfigKey.of("server.loop_lease",
                    "How long an external runner holds a ticket after /api/loop/started (default 2h)",
                    "VOXLOOP_LOOP_LEASE"));

    public static final long MB = 1024L * 1024L;

    public ServerSettings {
        host = host == null || host.isBlank() ? "127.0.0.1" : host.strip();
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("server.port: expected 0..65535, got " + port);
        }
        apiToken = apiToken == null || apiToken.isBlank() ? null : apiToken.strip();
        webhookSecret = webhookSecret == null || webhookSecret.isBlank() ? null : webhookSecret;
        corsOrigins = corsOrigins == null ? List.of() : corsOrigins.stream().map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
        if (maxUploadBytes <= 0 || maxJsonBytes <= 0) {
            throw new IllegalArgumentException("server.max_upload and server.max_json must be positive");
        }
        if (queueMaxAttempts < 1) {
            throw new IllegalArgumentException("server.queue_max_attempts must be at least 1");
        }
        loopLease = loopLease == null ? Duration.ofHours(2) : loopLease;
    }

    public static ServerSettings defaults() {
        return new ServerSettings("127.0.0.1", 8000, null, 25 * MB, MB, List.of(), null, 3, Duration.ofHours(2));
    }

    public static ServerSettings from(ConfigTree config) {
        ServerSettings d = defaults();
        return new ServerSettings(
                config.string("server.host", d.host()),
                config.integer("server.port", d.port()),
                config.string("server.api_token").orElse(null),
                config.string("server.max_upload").map(v -> bytes("server.max_upload", v)).orElse(d.maxUploadBytes()),
                config.string("server.max_json").map(v -> bytes("server.max_json", v)).orElse(d.maxJsonBytes()),
                config.strings("server.cors_origins"),
                config.string("server.webhook_secret").orElse(null),
                config.integer("server.queue_max_attempts", d.queueMaxAttempts()),
                config.duration("server.loop_lease", d.loopLease()));
    }

    public ServerSettings withPort(int p) {
        return new ServerSettings(host, p, apiToken, maxUploadBytes, maxJsonBytes, corsOrigins, webhookSecret,
                queueMaxAttempts, loopLease);
    }

    public ServerSettings withApiToken(String token) {
        return new ServerSettings(host, port, token, maxUploadBytes, maxJsonBytes, corsOrigins, webhookSecret,
                queueMaxAttempts, loopLease);
    }

    public ServerSettings withWebhookSecret(String secret) {
        return new ServerSettings(host, port, apiToken, maxUploadBytes, maxJsonBytes, corsOrigins, secret,
                queueMaxAttempts, loopLease);
    }

    public ServerSettings withLimits(long upload, long json) {
        return new ServerSettings(host, port, apiToken, upload, json, corsOrigins, webhookSecret, queueMaxAttempts,
                loopLease);
    }

    public ServerSettings withCorsOrigins(List<String> origins) {
        return new ServerSettings(host, port, apiToken, maxUploadBytes, maxJsonBytes, origins, webhookSecret,
                queueMaxAttempts, loopLease);
    }

    /** Never prints the secrets. */
    @Override
    public String toString() {
        return "ServerSettings[host=" + host + ", port=" + port + ", apiToken=" + (apiToken == null ? "unset" : "***")
                + ", maxUploadBytes=" + maxUploadBytes + ", maxJsonBytes=" + maxJsonBytes + ", corsOrigins="
                + corsOrigins + ", webhookSecret=" + (webhookSecret == null ? "unset" : "***") + ", queueMaxAttempts="
                + queueMaxAttempts + ", loopLease=" + loopLease + "]";
    }

    /** "25MB", "512kb", "1g" or a plain number of bytes. */
    static long bytes(String path, String value) {
        String v = value.strip().toLowerCase(Locale.ROOT).replace(" ", "");
        long unit = 1;
        String digits = v;
        for (String[] u : new String[][] {{"gb", "1073741824"}, {"g", "1073741824"}, {"mb", "1048576"},
                {"m", "1048576"}, {"kb", "1024"}, {"k", "1024"}, {"b", "1"}}) {
            if (v.endsWith(u[0])) {
                unit = Long.parseLong(u[1]);
                digits = v.substring(0, v.length() - u[0].length());
                break;
            }
        }
        try {
            long n = Math.round(Double.parseDouble(digits) * unit);
            if (n <= 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(path + ": expected a size like 25MB, got '" + value + "'");
        }
    }
}

package dev.voxloop.store;

import dev.voxloop.core.config.ConfigKey;
import dev.voxloop.core.config.ConfigTree;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Where the data lives. Without {@code db.url} the store is an H2 file database under the data directory;
 * with a {@code jdbc:postgresql:} URL it is that PostgreSQL database.
 *
 * @param url            JDBC URL (never null: the H2 file URL when none was configured)
 * @param user           database user, may be null (H2 embedded uses its default)
 * @param password       secret; never logged, never in {@link #toString()}
 * @param schema         schema to use (created by the migrations when missing), null for the default
 * @param poolSize       most pooled connections
 * @param connectTimeout how long a request waits for a pooled connection before failing
 * @param eventsKept     how many of the newest events the event table keeps (older ones are pruned)
 */
public record StoreSettings(String url, String user, String password, String schema, int poolSize,
                            Duration connectTimeout, long eventsKept) {

    public static final int DEFAULT_POOL_SIZE = 32;
    public static final long DEFAULT_EVENTS_KEPT = 100_000;

    public static final List<ConfigKey> KEYS = List.of(
            ConfigKey.of("db.url", "JDBC URL of a PostgreSQL database (jdbc:postgresql://host:5432/db); "
                    + "empty for the embedded H2 file database under the data directory", "VOXLOOP_DB_URL"),
            ConfigKey.of("db.user", "Database user (PostgreSQL)", "VOXLOOP_DB_USER"),
            ConfigKey.secret("db.password", "Database password (PostgreSQL)", "VOXLOOP_DB_PASSWORD"),
            ConfigKey.of("db.schema", "Database schema to use; created when missing (default: the database's own)",
                    "VOXLOOP_DB_SCHEMA"),
            ConfigKey.of("db.pool_size", "Most pooled database connections (default 32: one per concurrent request)",
                    "VOXLOOP_DB_POOL_SIZE"),
            ConfigKey.of("db.connect_timeout", "How long a request waits for a free connection (default 10s)",
                    "VOXLOOP_DB_CONNECT_TIMEOUT"),
            ConfigKey.of("events.keep", "How many of the newest pipeline events are kept (default 100000)",
                    "VOXLOOP_EVENTS_KEEP"),
            ConfigKey.of("tracker.projects", "Projects of the built-in tracker: a list of {key, name, description, "
                    + "components}; default BookIt/BOOK, EventIt/EVT, StoreIt/SHOP, TrackIt/TRACK, Platform/OPS"),
            ConfigKey.of("tracker.projects[].key", "Project key, upper-case letters (tickets are KEY-N)"),
            ConfigKey.of("tracker.projects[].name", "Project display name"),
            ConfigKey.of("tracker.projects[].description", "What the project is about (helps place requests)"),
            ConfigKey.of("tracker.projects[].components", "Component words of the project"));

    public StoreSettings {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("db.url: missing");
        }
        Dialect.of(url);
        if (poolSize < 1) {
            throw new IllegalArgumentException("db.pool_size: must be at least 1, got " + poolSize);
        }
        if (connectTimeout == null || connectTimeout.toMillis() < 250) {
            throw new IllegalArgumentException("db.connect_timeout: must be at least 250ms");
        }
        if (eventsKept < 1) {
            throw new IllegalArgumentException("events.keep: must be at least 1, got " + eventsKept);
        }
        schema = schema == null || schema.isBlank() ? null : schema.strip();
        if (schema != null && !schema.matches("[A-Za-z_][A-Za-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("db.schema: letters, digits and _ only, got '" + schema + "'");
        }
    }

    /** Settings from configuration; {@code dataDir} holds the H2 file when no URL is configured. */
    public static StoreSettings from(ConfigTree config, Path dataDir) {
        String url = config.string("db.url").orElseGet(() -> h2Url(dataDir));
        return new StoreSettings(url, config.string("db.user").orElse(null),
                config.string("db.password").orElse(null), config.string("db.schema").orElse(null),
                config.integer("db.pool_size", DEFAULT_POOL_SIZE),
                config.duration("db.connect_timeout", Duration.ofSeconds(10)),
                config.integer("events.keep", (int) DEFAULT_EVENTS_KEPT));
    }

    /** The embedded default: an H2 file database {@code voxloop.mv.db} in {@code dataDir}. */
    public static StoreSettings embedded(Path dataDir) {
        return from(ConfigTree.empty(), dataDir);
    }

    public static String h2Url(Path dataDir) {
        Path file = dataDir.toAbsolutePath().normalize().resolve("voxloop");
        // WRITE_DELAY=0: a commit is in the file before the caller hears of it, so kill -9 loses nothing
        // (H2's default writes up to 500 ms later from a background thread; measured: every such write lost).
        return "jdbc:h2:file:" + file + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
                + ";WRITE_DELAY=0";
    }

    public Dialect dialect() {
        return Dialect.of(url);
    }

    public StoreSettings withUrl(String jdbcUrl, String dbUser, String dbPassword) {
        return new StoreSettings(jdbcUrl, dbUser, dbPassword, schema, poolSize, connectTimeout, eventsKept);
    }

    public StoreSettings withSchema(String s) {
        return new StoreSettings(url, user, password, s, poolSize, connectTimeout, eventsKept);
    }

    public StoreSettings withPoolSize(int n) {
        return new StoreSettings(url, user, password, schema, n, connectTimeout, eventsKept);
    }

    public StoreSettings withEventsKept(long n) {
        return new StoreSettings(url, user, password, schema, poolSize, connectTimeout, n);
    }

    /** Without the password, and without URL properties (which may carry one). */
    @Override
    public String toString() {
        return "StoreSettings[url=" + Dialect.redact(url) + ", user=" + user + ", password="
                + (password == null ? "none" : "***") + ", schema=" + schema + ", poolSize=" + poolSize
                + ", connectTimeout=" + connectTimeout + ", eventsKept=" + eventsKept + "]";
    }
}

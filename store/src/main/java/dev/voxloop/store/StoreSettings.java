package dev.voxloop.store;

import dev.voxloop.core.config.ConfigTree;
import dev.voxloop.core.config.Key;
import dev.voxloop.core.config.Settings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Where the data lives. Without {@code db.url} the store is an H2 file database under the data directory;
 * with a {@code jdbc:postgresql:} URL it is that PostgreSQL database. Each key is declared once on its component.
 */
public record StoreSettings(
        @Key(path = "db.url", fallback = H2_URL, env = "VOXLOOP_DB_URL",
                doc = "JDBC URL: jdbc:postgresql://host:5432/db for PostgreSQL; unset is the embedded H2 file database"
                        + " in the data directory")
        String url,
        @Key(path = "db.user", env = "VOXLOOP_DB_USER", doc = "Database user (PostgreSQL)")
        String user,
        @Key(path = "db.password", secret = true, env = "VOXLOOP_DB_PASSWORD", doc = "Database password (PostgreSQL)")
        String password,
        @Key(path = "db.schema", env = "VOXLOOP_DB_SCHEMA",
                doc = "Database schema to use, created when missing (unset: the database's own)")
        String schema,
        @Key(path = "db.pool_size", fallback = "32", env = "VOXLOOP_DB_POOL_SIZE",
                doc = "Most pooled database connections (one per concurrent request)")
        int poolSize,
        @Key(path = "db.connect_timeout", fallback = "10s", env = "VOXLOOP_DB_CONNECT_TIMEOUT",
                doc = "How long a request waits for a free connection")
        Duration connectTimeout,
        @Key(path = "events.keep", fallback = "100000", env = "VOXLOOP_EVENTS_KEEP",
                doc = "How many of the newest pipeline events are kept (older ones are pruned)")
        long eventsKept) {

    /**
     * The embedded default: an H2 file database {@code voxloop.mv.db} in the data directory. WRITE_DELAY=0: a commit
     * is in the file before the caller hears of it, so kill -9 loses nothing (H2's default writes up to 500 ms later
     * from a background thread; measured: every such write lost). AUTO_SERVER=TRUE: the first process to open the
     * file serves it to the others over a loopback TCP port named in the lock file (only a process that can read
     * the data directory finds it), so {@code voxloop say}, {@code doctor} or {@code worker} share the database of
     * a running {@code serve} instead of failing with H2's "file is locked"; when that process exits the next one
     * to connect takes the file over. {@code async:} is H2's file system on AsynchronousFileChannel: on the default
     * one, a thread interrupted in the middle of a read or write closes the channel and with it the database for
     * every connection; on this one the write completes and the interrupt stays set. H2 closes the database from a
     * shutdown hook of its own (DB_CLOSE_ON_EXIT), beside any other hook and in no order; DB_CLOSE_ON_EXIT=FALSE would
     * leave the closing to voxloop, but H2 refuses it together with AUTO_SERVER=TRUE ("Feature not supported", 50100).
     * So every command that opens the database stops in order from the signal handler before the JVM's hooks run
     * (its work first, the database last), and the hook finds the database closed already.
     */
    static final String H2_URL = "jdbc:h2:async:{data}/voxloop;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE"
            + ";DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;AUTO_SERVER=TRUE";

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
        return Settings.bind(StoreSettings.class, config, Map.of("data", dataDir(dataDir)));
    }

    /** The embedded default: an H2 file database {@code voxloop.mv.db} in {@code dataDir}. */
    public static StoreSettings embedded(Path dataDir) {
        return from(ConfigTree.empty(), dataDir);
    }

    public static String h2Url(Path dataDir) {
        return H2_URL.replace("{data}", dataDir(dataDir));
    }

    private static String dataDir(Path dataDir) {
        return dataDir.toAbsolutePath().normalize().toString();
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

package dev.voxloop.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.voxloop.core.problem.Problem;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementExceptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The open database: a pooled {@link DataSource}, migrated to the newest schema by Flyway on {@link #open} (or in
 * the background after {@link #start}), and a {@link Jdbi} bound to it that maps {@link java.time.Instant}s as UTC {@code TIMESTAMP WITH TIME ZONE}.
 * Close it on shutdown; closing twice is harmless.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    /** Tables of the store's own migrations (V1-V9, V50), in an order that respects foreign keys when emptied. */
    public static final List<String> TABLES = List.of("tracker_comments", "tracker_tickets", "tracker_counters",
            "tracker_projects", "intake_sessions", "loop_queue", "pipeline_events", "loop_workers");

    private final CompletableFuture<HikariDataSource> pool;
    private final Duration wait;
    private final Dialect dialect;
    private final Jdbi jdbi;
    private final String description;

    private Database(CompletableFuture<HikariDataSource> pool, Duration wait, Dialect dialect, String description) {
        this.pool = pool;
        this.wait = wait;
        this.dialect = dialect;
        this.description = description;
        this.jdbi = Jdbi.create(this::connection);
        jdbi.registerArgument(new InstantArgumentFactory());
        jdbi.registerColumnMapper(new InstantColumnMapper());
        // a failed statement's message must not carry its arguments (ticket text, tokens) into a log
        jdbi.getConfig(StatementExceptions.class).setMessageRendering(StatementExceptions.MessageRendering.NONE);
    }

    /**
     * Opens the pool and migrates the schema, and returns once both are done. A database that cannot be reached or
     * migrated fails with a {@link Problem} (UNAVAILABLE) whose message names the database but never its password.
     */
    public static Database open(StoreSettings settings) {
        return new Database(CompletableFuture.completedFuture(connect(settings)), settings.connectTimeout(),
                settings.dialect(), where(settings));
    }

    /**
     * Opens the pool and migrates the schema on a thread of its own and returns at once, so a server can listen
     * meanwhile. Every statement waits for the schema (up to {@code db.connect_timeout}, then it fails as a busy
     * pool does: {@link SQLTransientConnectionException}); {@link #state} says how far it got.
     */
    public static Database start(StoreSettings settings) {
        CompletableFuture<HikariDataSource> pool = new CompletableFuture<>();
        Thread opener = new Thread(() -> {
            try {
                pool.complete(connect(settings));
            } catch (RuntimeException e) {
                pool.completeExceptionally(e);
            }
        }, "voxloop-db-open");
        opener.setDaemon(true);
        opener.start();
        return new Database(pool, settings.connectTimeout(), settings.dialect(), where(settings));
    }

    private static String where(StoreSettings settings) {
        return Dialect.redact(settings.url()) + (settings.schema() == null ? "" : " schema " + settings.schema());
    }

    private static HikariDataSource connect(StoreSettings settings) {
        Dialect dialect = settings.dialect();
        String where = where(settings);
        FileIoThreads.install();
        HikariDataSource ds;
        try {
            ds = new HikariDataSource(poolConfig(settings, dialect));
        } catch (RuntimeException e) {
            throw new Problem(Problem.Kind.UNAVAILABLE, "cannot open database " + where + ": " + rootMessage(e),
                    null, null);
        }
        try {
            migrate(ds, settings);
        } catch (FlywayException e) {
            ds.close();
            throw new Problem(Problem.Kind.UNAVAILABLE, "cannot migrate database " + where + ": " + rootMessage(e),
                    null, null);
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
        LOG.info("database open: {} ({})", where, dialect);
        return ds;
    }

    /** Where opening stands: still opening or migrating, ready, or failed (then {@link #awaitReady} says why). */
    public State state() {
        if (!pool.isDone()) {
            return State.OPENING;
        }
        return pool.isCompletedExceptionally() ? State.FAILED : State.READY;
    }

    /** How far opening got. */
    public enum State { OPENING, READY, FAILED }

    /**
     * Waits until the schema is migrated, however long that takes; a database that could not be opened or migrated
     * throws its {@link Problem}.
     */
    public void awaitReady() {
        readyPool();
    }

    private HikariDataSource readyPool() {
        try {
            return pool.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /** A pooled connection once the schema is ready; waits for that up to the connect timeout. */
    private Connection connection() throws SQLException {
        HikariDataSource ds;

        try {
            ds = pool.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new SQLTransientConnectionException("the database is still being opened (schema migration)");
        } catch (ExecutionException e) {
            throw new SQLNonTransientConnectionException(e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLTransientConnectionException("interrupted while the database was being opened");
        }
        return ds.getConnection();
    }

    private static HikariConfig poolConfig(StoreSettings settings, Dialect dialect) {
        HikariConfig c = new HikariConfig();
        c.setPoolName("voxloop-db");
        c.setJdbcUrl(settings.url());
        if (settings.user() != null) {
            c.setUsername(settings.user());
        }
        if (settings.password() != null) {
            c.setPassword(settings.password());
        }
        if (settings.schema() != null && dialect == Dialect.POSTGRES) {
            // every pooled connection resolves unqualified names in the configured schema
            c.addDataSourceProperty("currentSchema", settings.schema());
        }
        c.setMaximumPoolSize(settings.poolSize());
        c.setMinimumIdle(Math.min(2, settings.poolSize()));
        c.setConnectionTimeout(settings.connectTimeout().toMillis());
        c.setInitializationFailTimeout(settings.connectTimeout().toMillis());
        c.setAutoCommit(true);
        if (dialect == Dialect.H2) {
            // H2 waits only 2 s for a row lock by default; 32 concurrent creates in one project queue on the
            // project's counter row, so allow as long as a request may wait for a connection
            String init = "SET LOCK_TIMEOUT " + settings.connectTimeout().toMillis();
            if (settings.schema() != null) {
                init = "CREATE SCHEMA IF NOT EXISTS " + settings.schema() + "; SET SCHEMA " + settings.schema() + "; "
                        + init;
            }
            c.setConnectionInitSql(init);
        }
        return c;
    }

    private static void migrate(DataSource ds, StoreSettings settings) {
        var config = Flyway.configure(Database.class.getClassLoader()).dataSource(ds)
                .locations("classpath:db/migration").failOnMissingLocations(true);
        if (settings.schema() != null) {
            config = config.schemas(settings.schema()).defaultSchema(settings.schema()).createSchemas(true);
        }
        var result = config.load().migrate();
        if (result.migrationsExecuted > 0) {
            LOG.info("database migrated to version {} ({} migrations)", result.targetSchemaVersion,
                    result.migrationsExecuted);
        }
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** True when a connection answers a trivial query (for health and doctor checks). */
    public boolean ping() {
        try (Connection c = connection(); Statement s = c.createStatement()) {
            s.execute("SELECT 1");
            return true;
        } catch (SQLException | RuntimeException e) {
            LOG.warn("database ping failed: {}", rootMessage(e));
            return false;
        }
    }

    /** Where the data lives, without secrets, e.g. for {@code doctor}. */
    public String describe() {
        return description + " (" + dialect + ")";
    }

    /**
     * Reports the pool to a Micrometer {@code MeterRegistry} (typed Object so the store needs no metrics library):
     * connections active, idle and pending, how long taking one waited, and how often nobody got one in time.
     */
    public void meterPool(Object meterRegistry) {
        // once the pool exists: a server builds its meters while the database may still be opening
        pool.thenAccept(ds -> ds.setMetricRegistry(meterRegistry));
    }

    @Override
    public void close() {
        HikariDataSource ds;
        try {
            // an open still under way finishes first: interrupting it could leave an H2 file half written
            ds = pool.join();
        } catch (CompletionException | java.util.concurrent.CancellationException e) {
            return;
        }
        if (!ds.isClosed()) {
            ds.close();
            LOG.info("database closed: {}", description);
        }
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return m.lines().findFirst().orElse(m);
    }
}

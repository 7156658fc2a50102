package dev.voxloop.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.voxloop.core.problem.Problem;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementExceptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The open database: a pooled {@link DataSource}, migrated to the newest schema by Flyway on {@link #open},
 * and a {@link Jdbi} bound to it that maps {@link java.time.Instant}s as UTC {@code TIMESTAMP WITH TIME ZONE}.
 * Close it on shutdown; closing twice is harmless.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    /** Tables of the store's own migrations (V1-V9, V50), in an order that respects foreign keys when emptied. */
    public static final List<String> TABLES = List.of("tracker_comments", "tracker_tickets", "tracker_counters",
            "tracker_projects", "intake_sessions", "loop_queue", "pipeline_events", "loop_workers");

    private final HikariDataSource dataSource;
    private final Dialect dialect;
    private final Jdbi jdbi;
    private final String description;

    private Database(HikariDataSource dataSource, Dialect dialect, String description) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.description = description;
        this.jdbi = Jdbi.create(dataSource);
        jdbi.registerArgument(new InstantArgumentFactory());
        jdbi.registerColumnMapper(new InstantColumnMapper());
        // a failed statement's message must not carry its arguments (ticket text, tokens) into a log
        jdbi.getConfig(StatementExceptions.class).setMessageRendering(StatementExceptions.MessageRendering.NONE);
    }

    /**
     * Opens the pool and migrates the schema. A database that cannot be reached or migrated fails with a
     * {@link Problem} (UNAVAILABLE) whose message names the database but never its password.
     */
    public static Database open(StoreSettings settings) {
        Dialect dialect = settings.dialect();
        String where = Dialect.redact(settings.url()) + (settings.schema() == null ? "" : " schema " + settings.schema());
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
        return new Database(ds, dialect, where);
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

    public DataSource dataSource() {
        return dataSource;
    }

    /** True when a connection answers a trivial query (for health and doctor checks). */
    public boolean ping() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
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
        dataSource.setMetricRegistry(meterRegistry);
    }

    @Override
    public void close() {
        if (!dataSource.isClosed()) {
            dataSource.close();
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

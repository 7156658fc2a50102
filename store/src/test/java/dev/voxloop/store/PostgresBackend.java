package dev.voxloop.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A new schema in the PostgreSQL database named by {@code VOXLOOP_TEST_DB_URL} (user and password from
 * {@code VOXLOOP_TEST_DB_USER} and {@code VOXLOOP_TEST_DB_PASSWORD}); dropped with everything in it afterwards.
 */
final class PostgresBackend implements TestBackend {

    static final String URL_VAR = "VOXLOOP_TEST_DB_URL";

    private final StoreSettings settings;

    PostgresBackend() {
        String url = System.getenv(URL_VAR);
        if (url == null || url.isBlank()) {
            throw new IllegalStateException(URL_VAR + " is not set");
        }
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        settings = StoreSettings.from(dev.voxloop.core.config.ConfigTree.empty(), java.nio.file.Path.of("."))
                .withUrl(url, System.getenv("VOXLOOP_TEST_DB_USER"), System.getenv("VOXLOOP_TEST_DB_PASSWORD"))
                .withSchema(schema);
    }

    @Override
    public StoreSettings settings() {
        return settings;
    }

    @Override
    public void drop() {
        try (Connection c = DriverManager.getConnection(settings.url(), settings.user(), settings.password());
             Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + settings.schema() + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop test schema " + settings.schema() + ": " + e.getMessage(), e);
        }
    }
}

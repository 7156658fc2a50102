package dev.voxloop.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.voxloop.core.config.ConfigTree;
import dev.voxloop.core.problem.Problem;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.SQLTransientConnectionException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.ConnectionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Database#start}: the database opens and migrates on a thread of its own while the caller goes on (a
 * server listens meanwhile); statements wait for it, and one that cannot be opened fails every waiter with its
 * problem instead of a stack of pool errors.
 */
class DatabaseStartTest {

    @TempDir
    Path dir;

    @Test
    void statementsIssuedWhileTheSchemaMigratesWaitForItAndSucceed() throws Exception {
        // statements wait up to the connect timeout: long enough for a migration on a loaded machine
        StoreSettings settings = StoreSettings.from(new ConfigTree(Map.of("db", Map.of("connect_timeout", "120s"))),
                dir);
        try (Database db = Database.start(settings)) {
            // a statement from another thread, issued at once: it waits for the schema instead of failing
            CompletableFuture<Integer> projects = CompletableFuture.supplyAsync(() -> db.jdbi().withHandle(h ->
                    h.createQuery("SELECT COUNT(*) FROM tracker_projects").mapTo(Integer.class).one()));
            db.awaitReady();
            assertThat(db.state()).isEqualTo(Database.State.READY);
            assertThat(projects.get(30, TimeUnit.SECONDS)).isNotNegative();
            assertThat(db.ping()).isTrue();
        }
    }

    @Test
    void aDatabaseThatCannotBeOpenedFailsItsWaitersWithItsProblem() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();   // closed again: nothing listens there
        }
        StoreSettings settings = StoreSettings.from(new ConfigTree(Map.of("db", Map.of("url",
                "jdbc:postgresql://127.0.0.1:" + port + "/nothing", "user", "u", "password", "hunter2",
                "connect_timeout", "1500ms"))), dir);
        Database db = Database.start(settings);
        // the pool keeps trying for the connect timeout: opening, not failed yet
        assertThat(db.state()).isEqualTo(Database.State.OPENING);

        assertThatThrownBy(db::awaitReady).isInstanceOf(Problem.class)
                .hasMessageContaining("cannot open database").hasMessageContaining(String.valueOf(port))
                .hasMessageNotContaining("hunter2");
        assertThat(db.state()).isEqualTo(Database.State.FAILED);
        assertThatThrownBy(() -> db.jdbi().withHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one()))
                .isInstanceOf(ConnectionException.class).hasRootCauseInstanceOf(java.sql.SQLException.class)
                .rootCause().isNotInstanceOf(SQLTransientConnectionException.class);
        assertThat(db.ping()).isFalse();
        db.close();
    }
}

package dev.voxloop.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voxloop.store.queue.JdbiLoopQueue;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** H2-only behaviour of {@link Database}: a configured schema, the row-lock timeout. */
class H2SettingsTest {

    @Test
    void aConfiguredSchemaIsCreatedAndUsedAndLocksWaitAsLongAsConnections() {
        H2Backend backend = new H2Backend();
        try (Database db = Database.open(backend.settings().withSchema("team_a"))) {
            assertThat(new JdbiLoopQueue(db).enqueue("BOOK-1", "x")).isTrue();

            int rows = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM team_a.loop_queue")
                    .mapTo(Integer.class).one());
            String schema = db.jdbi().withHandle(h -> h.createQuery("SELECT CURRENT_SCHEMA").mapTo(String.class).one());
            String lockTimeout = db.jdbi().withHandle(h -> h.createQuery("SELECT CAST(LOCK_TIMEOUT() AS VARCHAR)")
                    .mapTo(String.class).one());

            assertThat(rows).isEqualTo(1);
            assertThat(schema).isEqualTo("team_a");
            assertThat(lockTimeout).isEqualTo(String.valueOf(Duration.ofSeconds(10).toMillis()));
        } finally {
            backend.drop();
        }
    }
}

package dev.voxloop.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Threads get interrupted (a library stopping its pool, a client going away): the embedded database must outlive
 * it. On H2's plain file system the FileChannel closes when the thread writing to it is interrupted, and with it
 * the whole database for every other connection ("The database has been closed").
 */
class H2InterruptTest {

    @TempDir
    Path data;

    @Test
    void aWriteByAnInterruptedThreadDoesNotCloseTheDatabaseForEveryoneElse() throws Exception {
        try (Database db = Database.open(StoreSettings.embedded(data))) {
            db.jdbi().useHandle(h -> h.execute("CREATE TABLE interrupted_writes (n INT)"));
            Thread writer = Thread.ofPlatform().start(() -> {
                for (int i = 0; i < 20; i++) {
                    int n = i;
                    // the write starts with the interrupt already set: a channel write in it is interrupted for sure
                    Thread.currentThread().interrupt();
                    try {
                        db.jdbi().useHandle(h -> h.execute("INSERT INTO interrupted_writes VALUES (?)", n));
                    } catch (RuntimeException e) {
                        // this thread's own statement may fail when it is interrupted; the others' must not
                    }
                    Thread.interrupted();
                }
            });
            writer.join(30_000);

            db.jdbi().useHandle(h -> h.execute("INSERT INTO interrupted_writes VALUES (-1)"));
            int after = db.jdbi().withHandle(h -> h.createQuery(
                    "SELECT COUNT(*) FROM interrupted_writes WHERE n = -1").mapTo(Integer.class).one());
            assertThat(after).isEqualTo(1);
        }
    }
}

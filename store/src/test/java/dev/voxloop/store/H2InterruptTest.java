package dev.voxloop.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Threads get interrupted (a worker's lease heartbeat stopped at the end of a run, a server shutting down, a client
 * going away): the embedded database must outlive it. On the plain file system H2's FileChannel closes when the
 * thread using it is interrupted, and with it the whole database for every other connection.
 */
class H2InterruptTest {

    @TempDir
    Path data;

    @Test
    void anInterruptedWriterDoesNotCloseTheDatabaseForEveryoneElse() throws Exception {
        try (Database db = Database.open(StoreSettings.embedded(data))) {
            db.jdbi().useHandle(h -> h.execute("CREATE TABLE interrupted_writes (n INT)"));
            AtomicBoolean stop = new AtomicBoolean();
            Thread writer = Thread.ofPlatform().start(() -> {
                for (int i = 0; !stop.get(); i++) {
                    int n = i;
                    try {
                        db.jdbi().useHandle(h -> h.execute("INSERT INTO interrupted_writes VALUES (?)", n));
                    } catch (RuntimeException e) {
                        // this thread's own statement may fail when it is interrupted; the others' must not
                    }
                    Thread.interrupted();
                }
            });
            for (int i = 0; i < 200; i++) {
                writer.interrupt();
                Thread.sleep(2);
            }
            stop.set(true);
            writer.join(10_000);

            db.jdbi().useHandle(h -> h.execute("INSERT INTO interrupted_writes VALUES (-1)"));
            int after = db.jdbi().withHandle(h -> h.createQuery(
                    "SELECT COUNT(*) FROM interrupted_writes WHERE n = -1").mapTo(Integer.class).one());
            assertThat(after).isEqualTo(1);
        }
    }
}

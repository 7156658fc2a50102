package dev.voxloop.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded database's file reads and writes run on the JDK's pool for asynchronous file channels; its threads
 * carry our name, so a thread dump (and the soak's count by name) says what they are.
 */
class H2FileThreadsTest {

    @TempDir
    Path data;

    @Test
    void theDatabaseFileIsReadAndWrittenByNamedDaemonThreads() {
        try (Database db = Database.open(StoreSettings.embedded(data))) {
            db.jdbi().useHandle(h -> h.execute("CREATE TABLE file_threads (n INT)"));
            db.jdbi().useHandle(h -> h.execute("INSERT INTO file_threads VALUES (1)"));

            List<Thread> fileThreads = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().startsWith("voxloop-db-file-")).toList();
            assertThat(fileThreads).isNotEmpty().allMatch(Thread::isDaemon);
            assertThat(System.getProperty(FileIoThreads.PROPERTY)).isEqualTo(FileIoThreads.class.getName());
        }
    }
}

package dev.voxloop.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voxloop.store.queue.JdbiLoopQueue;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Two openers of the embedded database file at once (as `voxloop serve` and `voxloop doctor` are): the second
 * connects through the first instead of waiting for the file lock, both see each other's writes, and when the first
 * closes the second takes the file over.
 */
class H2SharedFileTest {

    @Test
    void aSecondOpenerSharesTheFileAndTakesItOverWhenTheFirstCloses() {
        H2Backend backend = new H2Backend();
        try {
            Database first = Database.open(backend.settings());
            long start = System.nanoTime();
            try (Database second = Database.open(backend.settings())) {
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
                assertThat(new JdbiLoopQueue(first).enqueue("BOOK-1", "from the first")).isTrue();
                assertThat(new JdbiLoopQueue(second).find("BOOK-1")).isPresent();
                assertThat(new JdbiLoopQueue(second).enqueue("BOOK-2", "from the second")).isTrue();
                assertThat(new JdbiLoopQueue(first).find("BOOK-2")).isPresent();

                first.close();
                // the pool drops the connections that went through the first opener and opens the file itself
                assertThat(new JdbiLoopQueue(second).enqueue("BOOK-3", "after the first closed")).isTrue();
                assertThat(new JdbiLoopQueue(second).list(null, 10)).hasSize(3);
            } finally {
                first.close();
            }
        } finally {
            backend.drop();
        }
    }
}

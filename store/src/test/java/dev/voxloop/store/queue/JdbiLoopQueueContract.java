package dev.voxloop.store.queue;

import dev.voxloop.core.queue.LoopQueue;
import dev.voxloop.core.testing.LoopQueueContract;
import dev.voxloop.core.testing.ManualClock;
import dev.voxloop.store.TestBackend;
import dev.voxloop.store.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/** The port's contract on {@link JdbiLoopQueue}, one fresh database per test class. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JdbiLoopQueueContract extends LoopQueueContract {

    private TestDatabase database;

    protected abstract TestBackend backend();

    @BeforeAll
    void openDatabase() {
        database = TestDatabase.open(backend());
    }

    @Override
    protected LoopQueue newQueue(ManualClock clock) {
        database.empty();
        return new JdbiLoopQueue(database.db(), clock);
    }

    @AfterAll
    void closeDatabase() {
        if (database != null) {
            database.drop();
        }
    }
}

package dev.voxloop.store.queue;

import dev.voxloop.core.queue.LoopQueue;
import dev.voxloop.core.testing.LoopQueueContract;
import dev.voxloop.core.testing.ManualClock;
import dev.voxloop.store.TestBackend;
import dev.voxloop.store.TestDatabase;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.TestInstance;

/** The port's contract on {@link JdbiLoopQueue}, one fresh database per test class. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JdbiLoopQueueContract extends LoopQueueContract {

    @AutoClose
    private final TestDatabase database = TestDatabase.open(backend());

    protected abstract TestBackend backend();

    @Override
    protected LoopQueue newQueue(ManualClock clock) {
        database.empty();
        return new JdbiLoopQueue(database.db(), clock);
    }
}

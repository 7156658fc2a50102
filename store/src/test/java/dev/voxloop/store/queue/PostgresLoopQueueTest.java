package dev.voxloop.store.queue;

import dev.voxloop.store.OnPostgres;
import dev.voxloop.store.TestBackend;

@OnPostgres
class PostgresLoopQueueTest extends JdbiLoopQueueContract {

    @Override
    protected TestBackend backend() {
        return TestBackend.postgres();
    }
}

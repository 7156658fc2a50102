package dev.voxloop.store.event;

import dev.voxloop.store.OnPostgres;
import dev.voxloop.store.TestBackend;

@OnPostgres
class PostgresEventLogTest extends EventLogContract {

    @Override
    protected TestBackend backend() {
        return TestBackend.postgres();
    }
}

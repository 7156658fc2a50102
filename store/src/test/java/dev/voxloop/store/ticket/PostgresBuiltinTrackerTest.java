package dev.voxloop.store.ticket;

import dev.voxloop.store.OnPostgres;
import dev.voxloop.store.TestBackend;

@OnPostgres
class PostgresBuiltinTrackerTest extends BuiltinTrackerContract {

    @Override
    protected TestBackend backend() {
        return TestBackend.postgres();
    }
}

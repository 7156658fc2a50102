package dev.voxloop.store.request;

import dev.voxloop.store.OnPostgres;
import dev.voxloop.store.TestBackend;

@OnPostgres
class PostgresRequestRecordsTest extends RequestRecordsContract {

    @Override
    protected TestBackend backend() {
        return TestBackend.postgres();
    }
}

package dev.voxloop.store.loop;

import dev.voxloop.store.OnPostgres;
import dev.voxloop.store.TestBackend;

@OnPostgres
class PostgresWorkerRegistryTest extends WorkerRegistryContract {

    @Override
    protected TestBackend backend() {
        return TestBackend.postgres();
    }
}

package dev.voxloop.store.intake;

import dev.voxloop.store.OnPostgres;
import dev.voxloop.store.TestBackend;

@OnPostgres
class PostgresIntakeRepositoryTest extends JdbiIntakeRepositoryContract {

    @Override
    protected TestBackend backend() {
        return TestBackend.postgres();
    }
}

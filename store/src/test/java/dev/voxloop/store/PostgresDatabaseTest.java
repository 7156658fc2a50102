package dev.voxloop.store;

@OnPostgres
class PostgresDatabaseTest extends DatabaseContract {

    @Override
    protected TestBackend backend() {
        return TestBackend.postgres();
    }
}

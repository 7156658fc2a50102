package dev.voxloop.store;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

@Tag("postgres")
@EnabledIfEnvironmentVariable(named = "VOXLOOP_TEST_DB_URL", matches = ".+")
class PostgresDatabaseTest extends DatabaseContract {

    @Override
    protected TestBackend backend() {
        return TestBackend.postgres();
    }
}

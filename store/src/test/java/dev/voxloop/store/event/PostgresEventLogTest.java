package dev.voxloop.store.event;

import dev.voxloop.store.TestBackend;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

@Tag("postgres")
@EnabledIfEnvironmentVariable(named = "VOXLOOP_TEST_DB_URL", matches = ".+")
class PostgresEventLogTest extends EventLogContract {

    @Override
    protected TestBackend backend() {
        return TestBackend.postgres();
    }
}

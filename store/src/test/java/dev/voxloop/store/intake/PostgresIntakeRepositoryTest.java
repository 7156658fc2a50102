package dev.voxloop.store.intake;

import dev.voxloop.store.TestBackend;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

@Tag("postgres")
@EnabledIfEnvironmentVariable(named = "VOXLOOP_TEST_DB_URL", matches = ".+")
class PostgresIntakeRepositoryTest extends IntakeRepositoryContract {

    @Override
    protected TestBackend backend() {
        return TestBackend.postgres();
    }
}

package dev.voxloop.store.intake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voxloop.core.intake.IntakeRepository;
import dev.voxloop.core.intake.IntakeSession;
import dev.voxloop.core.testing.IntakeRepositoryContract;
import dev.voxloop.store.TestBackend;
import dev.voxloop.store.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The port's contract on {@link JdbiIntakeRepository}, one fresh database per class, plus what only a database does. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JdbiIntakeRepositoryContract extends IntakeRepositoryContract {

    @AutoClose
    private final TestDatabase database = TestDatabase.open(backend());

    protected abstract TestBackend backend();

    @Override
    protected IntakeRepository newRepository() {
        database.empty();
        return new JdbiIntakeRepository(database.db());
    }

    @Test
    void timesAreKeptToTheMicrosecond() {
        repo.insert(full("a1b2c3d4e5f6"));

        IntakeSession found = repo.find("a1b2c3d4e5f6").orElseThrow();
        assertThat(found.createdAt()).isEqualTo(Instant.parse("2026-11-25T10:15:30.123456Z"));
        assertThat(found.expiresAt()).isEqualTo(T0.plus(Duration.ofMinutes(30)).truncatedTo(ChronoUnit.MICROS));
    }
}

package dev.voxloop.store.loop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voxloop.core.loop.WorkerBeat;
import dev.voxloop.store.TestBackend;
import dev.voxloop.store.TestDatabase;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Workers' reports: refreshed in place, listed while recent, gone when a worker leaves. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class WorkerRegistryContract {

    private static final Instant T0 = Instant.parse("2026-12-06T01:00:00Z");

    @AutoClose
    private final TestDatabase database = TestDatabase.open(backend());
    private JdbiWorkerRegistry registry;

    protected abstract TestBackend backend();

    @BeforeEach
    void fresh() {
        database.empty();
        registry = new JdbiWorkerRegistry(database.db());
    }

    @Test
    void aWorkerIsListedWhileItReportsAndGoneWhenItLeaves() {
        WorkerBeat idle = new WorkerBeat("w1", "host", 42, List.of("BOOK", "TRACK"), null, T0, T0);
        registry.beat(idle);
        registry.beat(idle.working("BOOK-1", T0.plusSeconds(5)));
        registry.beat(new WorkerBeat("old", "host", 7, List.of(), null, T0.minusSeconds(600), T0.minusSeconds(600)));

        List<WorkerBeat> seen = registry.seenSince(T0.minusSeconds(60));

        assertThat(seen).containsExactly(new WorkerBeat("w1", "host", 42, List.of("BOOK", "TRACK"), "BOOK-1", T0,
                T0.plusSeconds(5)));
        registry.leave("w1");
        assertThat(registry.seenSince(T0.minusSeconds(60))).isEmpty();
        assertThat(registry.seenSince(T0.minusSeconds(3600))).extracting(WorkerBeat::id).containsExactly("old");
    }
}

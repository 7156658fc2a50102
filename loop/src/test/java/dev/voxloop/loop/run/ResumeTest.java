package dev.voxloop.loop.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voxloop.core.loop.LoopRun;
import dev.voxloop.core.loop.LoopState;
import dev.voxloop.core.ticket.Comment;
import dev.voxloop.loop.fixture.LoopFixture;
import dev.voxloop.loop.workspace.Git;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A worker that loses its lease leaves the run as persisted; the next worker resumes it from that state, whatever
 * it is, and finishes it with each side effect done once.
 */
class ResumeTest {

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "lease lost after {0} step(s): resumed in {1}")
    @CsvSource({"0, CLAIMED", "1, PREPARING", "2, ITERATING", "3, VERIFYING", "4, PUSHING"})
    void aRunIsResumedFromAnyPersistedState(int steps, LoopState persisted) throws Exception {
        LoopFixture f = new LoopFixture(tmp);
        AtomicInteger checks = new AtomicInteger();
        LoopRun first = f.runner(LoopFixture.finisher(), Budgets.DEFAULTS)
                .run(f.ticket.key(), "w1", () -> checks.incrementAndGet() <= steps);
        assertThat(first.state()).isEqualTo(persisted);
        assertThat(f.runs.find(first.id()).orElseThrow()).isEqualTo(first);

        LoopRun second = f.runner(LoopFixture.finisher(), Budgets.DEFAULTS).run(f.ticket.key(), "w2", () -> true);

        assertThat(second.id()).isEqualTo(first.id());
        assertThat(second.owner()).isEqualTo("w2");
        assertThat(second.state()).isEqualTo(LoopState.PUSHED);
        assertThat(second.iteration()).isEqualTo(1);
        assertThat(new Git(f.repo.origin).run("ls-tree", "--name-only", second.workspace().branch()))
                .contains("done.txt");
        assertThat(f.tracker.find(f.ticket.key()).orElseThrow().comments()).extracting(Comment::body)
                .filteredOn(b -> b.startsWith("voxloop started work") || b.startsWith("voxloop pushed"))
                .hasSize(2);
    }
}

package dev.voxloop.core.loop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voxloop.core.problem.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

class LoopFailureTest {

    @Test
    void everyKindEndsInATerminalState() {
        for (FailureKind k : FailureKind.values()) {
            assertThat(k.endsAs().terminal()).as(k.name()).isTrue();
            assertThat(k.endsAs()).as(k.name()).isNotEqualTo(LoopState.MERGED);
        }
        assertThat(FailureKind.AGENT_UNAVAILABLE.endsAs()).isEqualTo(LoopState.BLOCKED);
        assertThat(FailureKind.INFRASTRUCTURE.endsAs()).isEqualTo(LoopState.FAILED);
        assertThat(FailureKind.ABORTED.endsAs()).isEqualTo(LoopState.ABORTED);
    }

    @Test
    void errorsFromOutsideTheFamilyAreClassifiedByWhatAPersonCanDo() {
        assertThat(LoopFailure.of(Problem.invalid("loop.projects", "no repository")).kind())
                .isEqualTo(FailureKind.MISCONFIGURED);
        assertThat(LoopFailure.of(new Problem(Problem.Kind.UPSTREAM, "git clone failed")).kind())
                .isEqualTo(FailureKind.INFRASTRUCTURE);
        assertThat(LoopFailure.of(new UncheckedIOException(new IOException("disk full"))).kind())
                .isEqualTo(FailureKind.INFRASTRUCTURE);
        LoopFailure bug = LoopFailure.of(new NullPointerException("x"));
        assertThat(bug.kind()).isEqualTo(FailureKind.INTERNAL);
        assertThat(bug.reason()).isEqualTo("the run failed: NullPointerException: x");
        LoopFailure stuck = new LoopFailure.Stuck("stuck: same tests");
        assertThat(LoopFailure.of(stuck)).isSameAs(stuck);
    }

    @Test
    void aRunEndsWithItsFailureAndSucceedsOnlyWithoutOne() {
        LoopRun run = LoopRun.start("r", new TicketRef("A-1", "A"), "w", "replay", java.time.Instant.EPOCH);
        LoopRun blocked = run.end(LoopState.BLOCKED, new Ending(FailureKind.STUCK, "stuck"), java.time.Instant.EPOCH);
        assertThat(blocked.succeeded()).isFalse();
        assertThat(blocked.timing().finishedAt()).isNotNull();
        LoopRun pushed = run.end(LoopState.PUSHED, Ending.success("pushed"), java.time.Instant.EPOCH);
        assertThat(pushed.succeeded()).isTrue();
        assertThat(pushed.loopDone()).isTrue();
        assertThat(run.loopDone()).isFalse();
    }
}

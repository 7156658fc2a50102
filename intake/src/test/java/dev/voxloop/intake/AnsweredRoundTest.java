package dev.voxloop.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.voxloop.core.event.EventBus;
import dev.voxloop.core.intake.IntakeOutcome;
import dev.voxloop.core.intake.IntakeState;
import dev.voxloop.core.intake.IntakeSession;
import dev.voxloop.core.problem.Problem;
import dev.voxloop.core.testing.InMemoryEventLog;
import dev.voxloop.core.testing.InMemoryLoopQueue;
import dev.voxloop.core.testing.InMemoryTracker;
import dev.voxloop.core.testing.KeywordExtractor;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Two servers over one database: while one works on the answer to a question (the answer is stored, its
 * extraction not yet done), the other server must not take a second answer for the same round. Its per-process
 * lock cannot see the first server, and the stored session it reads is the newest, so only the stored state can
 * tell it the round is taken.
 */
class AnsweredRoundTest {

    /** Holds the first save that carries an answer until the test lets it go. */
    static final class HeldOnAnswer extends ForwardingIntakeRepository {
        final CountDownLatch saved = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public IntakeSession update(IntakeSession session) {
            IntakeSession s = super.update(session);
            if (!s.answers().isEmpty() && saved.getCount() > 0) {
                saved.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return s;
        }
    }

    @Test
    void aSecondAnswerToARoundBeingWorkedOnIsAConflict() throws Exception {
        HeldOnAnswer sessions = new HeldOnAnswer();
        InMemoryTracker tracker = InMemoryTracker.withSampleProjects("http://tickets");
        InMemoryLoopQueue queue = new InMemoryLoopQueue(Clock.systemUTC());
        IntakeService first = new IntakeService(sessions, null, new KeywordExtractor(), tracker, queue,
                new EventBus(new InMemoryEventLog()), IntakeSettings.defaults(), Clock.systemUTC(), () -> "s1");
        IntakeService second = new IntakeService(sessions, null, new KeywordExtractor(), tracker, queue,
                new EventBus(new InMemoryEventLog()), IntakeSettings.defaults(), Clock.systemUTC(), () -> "s2");

        IntakeOutcome asked = first.submitText("make it faster", false);
        assertThat(asked.session().state()).isEqualTo(IntakeState.CLARIFYING);
        String id = asked.session().id();

        CompletableFuture<IntakeOutcome> answering = CompletableFuture.supplyAsync(() ->
                first.clarify(id, "the BookIt calendar page", 1));
        assertThat(sessions.saved.await(10, TimeUnit.SECONDS)).as("the first answer is stored").isTrue();

        assertThatThrownBy(() -> second.clarify(id, "the BookIt calendar page", 1))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.kind()).isEqualTo(Problem.Kind.CONFLICT))
                .hasMessageContaining("not waiting for an answer");
        sessions.release.countDown();
        answering.get(10, TimeUnit.SECONDS);
        assertThat(sessions.find(id).orElseThrow().answers()).containsExactly("the BookIt calendar page");
    }
}

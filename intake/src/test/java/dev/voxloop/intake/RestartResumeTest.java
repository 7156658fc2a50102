package dev.voxloop.intake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voxloop.core.event.EventBus;
import dev.voxloop.core.intake.IntakeOutcome;
import dev.voxloop.core.intake.IntakeSession;
import dev.voxloop.core.intake.IntakeState;
import dev.voxloop.core.intent.Extraction;
import dev.voxloop.core.intent.IntentExtractor;
import dev.voxloop.core.intent.IntentRequest;
import dev.voxloop.core.testing.InMemoryEventLog;
import dev.voxloop.core.testing.InMemoryLoopQueue;
import dev.voxloop.core.testing.InMemoryTracker;
import dev.voxloop.core.testing.KeywordExtractor;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The restart housekeeping and a request arriving at the same moment (the server resumes interrupted sessions
 * right after it starts answering): a session a request has just stored is never taken from under it.
 */
class RestartResumeTest {

    /** Holds the first insert until the test lets it go. */
    static final class HeldRepository extends ForwardingIntakeRepository {
        final CountDownLatch inserted = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public IntakeSession insert(IntakeSession session) {
            IntakeSession s = stored.insert(session);
            inserted.countDown();
            await(release);
            return s;
        }
    }

    /** The keyword extractor, counting its calls. */
    static final class CountingExtractor implements IntentExtractor {
        final AtomicInteger calls = new AtomicInteger();
        /** What the latest extraction was asked. */
        volatile IntentRequest last;
        private final KeywordExtractor rules = new KeywordExtractor();

        @Override
        public String name() {
            return "keywords";
        }

        @Override
        public Extraction extract(IntentRequest request) {
            calls.incrementAndGet();
            last = request;
            return rules.extract(request);
        }
    }

    @Test
    void aSessionJustStoredByARequestIsNotResumedUnderIt() throws Exception {
        HeldRepository sessions = new HeldRepository();
        CountingExtractor extractor = new CountingExtractor();
        IntakeService intake = new IntakeService(sessions, null, extractor,
                InMemoryTracker.withSampleProjects("http://tickets"), new InMemoryLoopQueue(Clock.systemUTC()),
                new EventBus(new InMemoryEventLog()), IntakeSettings.defaults(), Clock.systemUTC(), () -> "s1");

        CompletableFuture<IntakeOutcome> request = CompletableFuture.supplyAsync(() ->
                intake.submitText("Bug in BookIt: the calendar crashes on Safari. It should open", false));
        assertThat(sessions.inserted.await(10, TimeUnit.SECONDS)).isTrue();
        // stored as RECEIVED, which is what a crash leaves behind too
        assertThat(sessions.interrupted(10)).extracting(IntakeSession::state).containsExactly(IntakeState.RECEIVED);

        AtomicInteger resumed = new AtomicInteger(-1);
        Thread housekeeping = Thread.ofPlatform().start(() -> resumed.set(intake.resumeInterrupted()));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (housekeeping.isAlive() && housekeeping.getState() != Thread.State.WAITING
                && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        sessions.release.countDown();

        IntakeOutcome outcome = request.get(10, TimeUnit.SECONDS);
        housekeeping.join(10_000);
        assertThat(outcome.session().state()).isEqualTo(IntakeState.PREVIEWING);
        assertThat(resumed).as("nothing was left to resume").hasValue(0);
        assertThat(extractor.calls).as("the request was extracted once").hasValue(1);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

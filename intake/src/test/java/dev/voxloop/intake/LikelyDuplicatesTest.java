package dev.voxloop.intake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voxloop.core.event.EventBus;
import dev.voxloop.core.intake.DraftEdits;
import dev.voxloop.core.intake.IntakeOutcome;
import dev.voxloop.core.intent.TicketDraft;
import dev.voxloop.core.ticket.DuplicateFinder;
import dev.voxloop.core.ticket.LikelyDuplicate;
import dev.voxloop.core.ticket.Provenance;
import dev.voxloop.core.ticket.TicketStatus;
import dev.voxloop.core.testing.InMemoryEventLog;
import dev.voxloop.core.testing.InMemoryIntakeRepository;
import dev.voxloop.core.testing.InMemoryLoopQueue;
import dev.voxloop.core.testing.InMemoryTracker;
import dev.voxloop.core.testing.KeywordExtractor;
import dev.voxloop.core.testing.ManualClock;
import dev.voxloop.core.testing.WordOverlapDuplicates;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The read-back names the open tickets of the draft's project that the draft seems to repeat; finished tickets and
 * other projects are not named, the person can still file, and a finder or tracker that fails costs only the hint.
 */
class LikelyDuplicatesTest {

    static final String REQUEST = "Bug in BookIt: the calendar crashes on Safari. It should open.";

    final InMemoryIntakeRepository sessions = new InMemoryIntakeRepository();
    final InMemoryTracker tracker = InMemoryTracker.withSampleProjects("http://tickets");
    final ManualClock clock = ManualClock.startingNow();
    final AtomicInteger ids = new AtomicInteger();

    IntakeService intake(DuplicateFinder finder) {
        IntakeSettings s = new IntakeSettings(true, 3, Duration.ofMinutes(30), Duration.ofHours(24), 0, false, null);
        return new IntakeService(sessions, null, new KeywordExtractor(), tracker, finder, new InMemoryLoopQueue(clock),
                new EventBus(new InMemoryEventLog()), s, clock, () -> "s" + ids.incrementAndGet());
    }

    String file(String project, String summary) {
        TicketDraft d = new TicketDraft(summary, summary, List.of("it works"), null, null, project, null, List.of());
        return tracker.create(d, new Provenance("seed-" + summary.hashCode(), false, summary, Instant.now())).key();
    }

    @Test
    void theReadBackNamesOpenTicketsOfTheSameProjectMostAlikeFirst() {
        String open = file("BOOK", "the calendar crashes on Safari");
        String done = file("BOOK", "the calendar crashes on Safari when scrolling");
        tracker.transition(done, TicketStatus.DONE);
        file("SHOP", "the calendar crashes on Safari");
        file("BOOK", "add Apple Pay to checkout");

        IntakeOutcome out = intake(new WordOverlapDuplicates(0.5))
                .submitText(REQUEST, false);

        assertThat(out).isInstanceOf(IntakeOutcome.NeedsApproval.class);
        assertThat(out.session().extraction().duplicates()).extracting(LikelyDuplicate::key).containsExactly(open);
        assertThat(sessions.find(out.session().id()).orElseThrow().extraction().duplicates())
                .as("stored with the session (a reload of the read-back shows it)").hasSize(1);

        IntakeOutcome filed = intake(new WordOverlapDuplicates(0.5)).approve(out.session().id(), DraftEdits.none());
        assertThat(filed).as("a hint, not a refusal").isInstanceOf(IntakeOutcome.Filed.class);
    }

    @Test
    void nothingAlikeNothingNamedAndAFailingFinderCostsOnlyTheHint() {
        file("BOOK", "add Apple Pay to checkout");
        assertThat(intake(new WordOverlapDuplicates(0.5)).submitText(REQUEST, false)
                .session().extraction().duplicates()).isEmpty();

        DuplicateFinder broken = (draft, open) -> {
            throw new IllegalStateException("model went away");
        };
        IntakeOutcome out = intake(broken).submitText(REQUEST, false);
        assertThat(out).isInstanceOf(IntakeOutcome.NeedsApproval.class);
        assertThat(out.session().extraction().duplicates()).isEmpty();
    }
}

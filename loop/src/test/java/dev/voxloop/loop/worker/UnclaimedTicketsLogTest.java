package dev.voxloop.loop.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voxloop.core.intent.IssueType;
import dev.voxloop.core.intent.Priority;
import dev.voxloop.core.intent.TicketDraft;
import dev.voxloop.core.testing.CapturedLog;
import dev.voxloop.core.testing.InMemoryLoopQueue;
import dev.voxloop.core.testing.InMemoryTracker;
import dev.voxloop.core.ticket.Project;
import dev.voxloop.core.ticket.Provenance;
import dev.voxloop.core.ticket.Ticket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Tickets nobody can take are logged once per project while they wait (and once when they stop waiting), not once
 * per ticket at every check: a queue of thousands must not flood the log. slf4j goes to java.util.logging in the
 * loop's tests (slf4j-jdk14); the class's logger is captured.
 */
class UnclaimedTicketsLogTest {

    private final InMemoryTracker tracker = new InMemoryTracker(List.of(new Project("TRACK", "TrackIt", "", List.of()),
            new Project("BOOK", "BookIt", "", List.of()), new Project("SHOP", "ShopIt", "", List.of())), "mem://",
            Clock.systemUTC());
    private final InMemoryLoopQueue queue = new InMemoryLoopQueue();
    private final UnclaimedTickets unclaimed = new UnclaimedTickets(queue, tracker, null, Set.of("TRACK"),
            Duration.ofMinutes(1), Clock.systemUTC());
    @RegisterExtension
    final CapturedLog log = new CapturedLog(UnclaimedTickets.class.getName());
    private int filed;

    @Test
    void manyWaitingTicketsAreOneWarningAndASecondCheckLogsNothing() {
        List<Ticket> book = List.of(file("BOOK"), file("BOOK"), file("BOOK"), file("BOOK"), file("BOOK"));

        assertThat(unclaimed.report()).hasSize(5);
        assertThat(log.records()).singleElement().satisfies(r -> {
            assertThat(r.getLevel()).isEqualTo(Level.WARNING);
            assertThat(r.getMessage()).contains("5 queued ticket(s) of project BOOK")
                    .contains("./voxloop init --project BOOK --repo PATH");
        });

        assertThat(unclaimed.report()).hasSize(5);
        Ticket later = file("BOOK");
        assertThat(unclaimed.report()).hasSize(6);

        assertThat(log.records()).hasSize(1);
        // each ticket is still told, once, on the ticket itself
        for (Ticket t : book) {
            assertThat(tracker.find(t.key()).orElseThrow().comments()).hasSize(1);
        }
        assertThat(tracker.find(later.key()).orElseThrow().comments()).hasSize(1);
    }

    @Test
    void eachProjectIsToldWhenItStartsWaitingAndOnceWhenItStops() {
        file("BOOK");
        unclaimed.report();
        Ticket shop = file("SHOP");
        unclaimed.report();
        unclaimed.report();
        assertThat(log.records()).extracting(LogRecord::getMessage).hasSize(2)
                .anySatisfy(m -> assertThat(m).contains("project BOOK"))
                .anySatisfy(m -> assertThat(m).contains("1 queued ticket(s) of project SHOP"));

        // a worker for SHOP takes its ticket: SHOP no longer waits, BOOK still does
        assertThat(queue.claim("shop-worker", Duration.ofMinutes(1), List.of("SHOP"))).isPresent()
                .hasValueSatisfying(e -> assertThat(e.key()).isEqualTo(shop.key()));
        unclaimed.report();
        unclaimed.report();

        assertThat(log.records()).hasSize(3);
        assertThat(log.records().get(2).getLevel()).isEqualTo(Level.INFO);
        assertThat(log.records().get(2).getMessage()).contains("project SHOP").contains("any more");

        // SHOP's tickets wait again: a new condition, told again
        file("SHOP");
        unclaimed.report();
        assertThat(log.records()).hasSize(4);
        assertThat(log.records().get(3).getMessage()).contains("1 queued ticket(s) of project SHOP");
    }

    private Ticket file(String project) {
        Ticket t = tracker.create(new TicketDraft("Fix it", "", List.of("works"), IssueType.BUG, Priority.LOW,
                project, null, List.of()), new Provenance("i-" + ++filed, false, "x", null));
        queue.enqueue(t.key(), t.summary());
        return t;
    }
}

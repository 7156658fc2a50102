package dev.voxloop.loop.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voxloop.core.intent.IssueType;
import dev.voxloop.core.intent.Priority;
import dev.voxloop.core.intent.TicketDraft;
import dev.voxloop.core.testing.InMemoryLoopQueue;
import dev.voxloop.core.testing.InMemoryTracker;
import dev.voxloop.core.ticket.Project;
import dev.voxloop.core.ticket.Provenance;
import dev.voxloop.core.ticket.Ticket;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tickets nobody can take are logged once per project while they wait (and once when they stop waiting), not once
 * per ticket at every check: a queue of thousands must not flood the log. slf4j goes to java.util.logging in the
 * loop's tests (slf4j-jdk14); a handler on the class's logger captures every line.
 */
class UnclaimedTicketsLogTest {

    private final InMemoryTracker tracker = new InMemoryTracker(List.of(new Project("TRACK", "TrackIt", "", List.of()),
            new Project("BOOK", "BookIt", "", List.of()), new Project("SHOP", "ShopIt", "", List.of())), "mem://",
            Clock.systemUTC());
    private final InMemoryLoopQueue queue = new InMemoryLoopQueue();
    private final UnclaimedTickets unclaimed = new UnclaimedTickets(queue, tracker, null, Set.of("TRACK"),
            Duration.ofMinutes(1), Clock.systemUTC());
    private final List<LogRecord> lines = new ArrayList<>();
    private final Logger logger = Logger.getLogger(UnclaimedTickets.class.getName());
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord r) {
            synchronized (lines) {
                lines.add(r);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private Level before;
    private int filed;

    @BeforeEach
    void listen() {
        before = logger.getLevel();
        logger.setLevel(Level.ALL);
        logger.addHandler(capture);
    }

    @AfterEach
    void stopListening() {
        logger.removeHandler(capture);
        logger.setLevel(before);
    }

    @Test
    void manyWaitingTicketsAreOneWarningAndASecondCheckLogsNothing() {
        List<Ticket> book = List.of(file("BOOK"), file("BOOK"), file("BOOK"), file("BOOK"), file("BOOK"));

        assertThat(unclaimed.report()).hasSize(5);
        assertThat(lines).singleElement().satisfies(r -> {
            assertThat(r.getLevel()).isEqualTo(Level.WARNING);
            assertThat(r.getMessage()).contains("5 queued ticket(s) of project BOOK")
                    .contains("./voxloop init --project BOOK --repo PATH");
        });

        assertThat(unclaimed.report()).hasSize(5);
        Ticket later = file("BOOK");
        assertThat(unclaimed.report()).hasSize(6);

        assertThat(lines).hasSize(1);
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
        assertThat(lines).extracting(LogRecord::getMessage).hasSize(2)
                .anySatisfy(m -> assertThat(m).contains("project BOOK"))
                .anySatisfy(m -> assertThat(m).contains("1 queued ticket(s) of project SHOP"));

        // a worker for SHOP takes its ticket: SHOP no longer waits, BOOK still does
        assertThat(queue.claim("shop-worker", Duration.ofMinutes(1), List.of("SHOP"))).isPresent()
                .hasValueSatisfying(e -> assertThat(e.key()).isEqualTo(shop.key()));
        unclaimed.report();
        unclaimed.report();

        assertThat(lines).hasSize(3);
        assertThat(lines.get(2).getLevel()).isEqualTo(Level.INFO);
        assertThat(lines.get(2).getMessage()).contains("project SHOP").contains("any more");

        // SHOP's tickets wait again: a new condition, told again
        file("SHOP");
        unclaimed.report();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(3).getMessage()).contains("1 queued ticket(s) of project SHOP");
    }

    private Ticket file(String project) {
        Ticket t = tracker.create(new TicketDraft("Fix it", "", List.of("works"), IssueType.BUG, Priority.LOW,
                project, null, List.of()), new Provenance("i-" + ++filed, false, "x", null));
        queue.enqueue(t.key(), t.summary());
        return t;
    }
}

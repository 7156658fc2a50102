package dev.voxloop.store.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.voxloop.core.intent.IssueType;
import dev.voxloop.core.intent.Priority;
import dev.voxloop.core.intent.TicketDraft;
import dev.voxloop.core.problem.Problem;
import dev.voxloop.core.testing.Concurrently;
import dev.voxloop.core.testing.ManualClock;
import dev.voxloop.core.ticket.Comment;
import dev.voxloop.core.ticket.Project;
import dev.voxloop.core.ticket.Provenance;
import dev.voxloop.core.ticket.Ticket;
import dev.voxloop.core.ticket.TicketStatus;
import dev.voxloop.store.StoreContract;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

public abstract class BuiltinTrackerContract extends StoreContract {

    private static final Instant T0 = Instant.parse("2026-11-25T08:00:00Z");
    private static final String BASE = "http://voxloop.test:8000";

    private ManualClock clock;
    private BuiltinTracker tracker;

    @BeforeEach
    void tracker() {
        clock = new ManualClock(T0);
        tracker = new BuiltinTracker(db, TrackerProjects.DEFAULTS, BASE + "/", clock);
    }

    private static TicketDraft draft(String project, String summary) {
        return new TicketDraft(summary, "Steps:\n1. open week view", List.of("Week view opens", "No errors"),
                IssueType.BUG, Priority.HIGH, project, null, List.of("VOICE_INITIATED", "safari"));
    }

    private static Provenance said(String intakeId) {
        return new Provenance(intakeId, true, "Create a high priority bug in BookIt | yes", T0.minusSeconds(30));
    }

    private static void assertProblem(Runnable r, Problem.Kind kind, String... words) {
        assertThatThrownBy(r::run).isInstanceOfSatisfying(Problem.class, p -> {
            assertThat(p.kind()).isEqualTo(kind);
            if (words.length > 0) {
                assertThat(p.getMessage()).contains(words);
            }
        });
    }

    @Test
    void defaultProjectsAreSeededInOrder() {
        assertThat(tracker.projects()).extracting(Project::key).containsExactly("BOOK", "EVT", "SHOP", "TRACK", "OPS");
        assertThat(tracker.projects().getFirst().description()).startsWith("Appointment booking for salons");
        assertThat(tracker.name()).isEqualTo("builtin");
    }

    @Test
    void configuredProjectsAreUpsertedAndDroppedOnesHidden() {
        tracker.create(draft("OPS", "Old platform ticket"), said("i-ops"));

        BuiltinTracker reconfigured = new BuiltinTracker(db, List.of(
                new Project("BOOK", "BookIt 2", "Bookings", List.of("calendar", "payments")),
                new Project("NEW", "Newcomer", "", List.of())), BASE, clock);

        assertThat(reconfigured.projects()).containsExactly(
                new Project("BOOK", "BookIt 2", "Bookings", List.of("calendar", "payments")),
                new Project("NEW", "Newcomer", "", List.of()));
        assertThat(reconfigured.find("OPS-1")).isPresent();
        assertThat(reconfigured.create(draft("NEW", "First one"), said("i-new")).key()).isEqualTo("NEW-1");
        assertProblem(() -> reconfigured.create(draft("OPS", "Gone"), said("i-gone")), Problem.Kind.INVALID,
                "OPS", "BOOK (BookIt 2)", "NEW (Newcomer)");
    }

    @Test
    void createFilesATicketWithEveryField() {
        clock.advance(Duration.ofSeconds(5));
        Ticket t = tracker.create(draft("BOOK", "Calendar crashes on Safari").withParentKey("BOOK-0"), said("i-1"));

        assertThat(t.key()).isEqualTo("BOOK-1");
        assertThat(t.url()).isEqualTo(BASE + "/tickets/BOOK-1");
        assertThat(t.projectKey()).isEqualTo("BOOK");
        assertThat(t.summary()).isEqualTo("Calendar crashes on Safari");
        assertThat(t.description()).isEqualTo("Steps:\n1. open week view");
        assertThat(t.acceptanceCriteria()).containsExactly("Week view opens", "No errors");
        assertThat(t.issueType()).isEqualTo(IssueType.BUG);
        assertThat(t.priority()).isEqualTo(Priority.HIGH);
        assertThat(t.labels()).containsExactly("VOICE_INITIATED", "safari");
        assertThat(t.status()).isEqualTo("To Do");
        assertThat(t.parentKey()).isEqualTo("BOOK-0");
        assertThat(t.intakeId()).isEqualTo("i-1");
        assertThat(t.createdAt()).isEqualTo(T0.plusSeconds(5));
        assertThat(t.comments()).isEmpty();
        assertThat(tracker.find("BOOK-1")).contains(t);
        assertThat(tracker.provenance("BOOK-1")).contains(said("i-1"));
        assertThat(tracker.browseUrl("BOOK-1")).isEqualTo(t.url());
    }

    @Test
    void aDraftWithoutTypeOrPriorityBecomesAMediumTask() {
        TicketDraft bare = new TicketDraft("Bare ticket", null, null, null, null, "evt", null, null);

        Ticket t = tracker.create(bare, null);

        assertThat(t.key()).isEqualTo("EVT-1");
        assertThat(t.issueType()).isEqualTo(IssueType.TASK);
        assertThat(t.priority()).isEqualTo(Priority.MEDIUM);
        assertThat(t.intakeId()).isNull();
        assertThat(tracker.create(bare, null).key()).isEqualTo("EVT-2");
    }

    @Test
    void createIsIdempotentOnTheIntakeId() {
        Ticket first = tracker.create(draft("BOOK", "Calendar crashes"), said("intake-42"));
        Ticket second = tracker.create(draft("SHOP", "Something else entirely"), said("intake-42"));

        assertThat(second).isEqualTo(first);
        assertThat(tracker.list(null, 10)).hasSize(1);
    }

    @Test
    void concurrentCreatesWithOneIntakeIdFileOneTicket() throws Exception {
        List<Ticket> tickets = Concurrently.run(12, i -> tracker.create(draft("BOOK", "Same request " + i),
                said("same-intake")));

        assertThat(tickets).extracting(Ticket::key).containsOnly("BOOK-1");
        assertThat(tracker.list(null, 100)).hasSize(1);
        assertThat(tracker.create(draft("BOOK", "Next"), said("other")).key()).isEqualTo("BOOK-2");
    }

    @Test
    void concurrentCreatesInOneProjectGetDistinctConsecutiveKeys() throws Exception {
        int n = 16;
        List<Ticket> tickets = Concurrently.run(n, i -> tracker.create(draft("SHOP", "Request " + i),
                said("intake-" + i)));

        assertThat(new HashSet<>(tickets.stream().map(Ticket::key).toList()))
                .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, n).mapToObj(i -> "SHOP-" + i).toList());
        assertThat(tracker.create(draft("BOOK", "Other project"), said("b")).key()).isEqualTo("BOOK-1");
    }

    @Test
    void invalidDraftsAreRefusedWithTheFieldAtFault() {
        assertProblem(() -> tracker.create(draft("NOPE", "Valid summary"), said("x")), Problem.Kind.INVALID,
                "NOPE", "BOOK (BookIt)", "OPS (Platform)");
        assertProblem(() -> tracker.create(draft(null, "Valid summary"), said("x")), Problem.Kind.INVALID,
                "needs a project");
        assertProblem(() -> tracker.create(draft("BOOK", "  "), said("x")), Problem.Kind.INVALID, "summary");
        assertProblem(() -> tracker.create(draft("BOOK", "x".repeat(256)), said("x")), Problem.Kind.INVALID, "255");
        assertProblem(() -> tracker.create(null, said("x")), Problem.Kind.INVALID);
        assertThat(tracker.list(null, 10)).isEmpty();
        assertThat(tracker.create(draft("BOOK", "x".repeat(255)), said("x")).key()).isEqualTo("BOOK-1");
    }

    @Test
    void everyStatusMovesTheTicketToItsBuiltInName() {
        tracker.create(draft("BOOK", "A ticket"), said("i"));

        tracker.transition("BOOK-1", TicketStatus.IN_PROGRESS);
        assertThat(tracker.find("BOOK-1").orElseThrow().status()).isEqualTo("In Progress");
        tracker.transition("BOOK-1", TicketStatus.IN_REVIEW);
        assertThat(tracker.find("BOOK-1").orElseThrow().status()).isEqualTo("In Review");
        tracker.transition("BOOK-1", TicketStatus.DONE);
        assertThat(tracker.find("BOOK-1").orElseThrow().status()).isEqualTo("Done");
        tracker.transition("BOOK-1", TicketStatus.TO_DO);
        assertThat(tracker.find("BOOK-1").orElseThrow().status()).isEqualTo("To Do");

        assertProblem(() -> tracker.transition("BOOK-99", TicketStatus.DONE), Problem.Kind.NOT_FOUND, "BOOK-99");
    }

    @Test
    void commentsAreKeptInOrder() {
        tracker.create(draft("BOOK", "A ticket"), said("i"));
        clock.advance(Duration.ofMinutes(1));
        tracker.comment("BOOK-1", "First look: reproducible");
        clock.advance(Duration.ofMinutes(1));
        tracker.comment("BOOK-1", "PR opened");

        Ticket t = tracker.find("BOOK-1").orElseThrow();
        assertThat(t.comments()).containsExactly(
                new Comment("voxloop", "First look: reproducible", T0.plus(Duration.ofMinutes(1))),
                new Comment("voxloop", "PR opened", T0.plus(Duration.ofMinutes(2))));
        assertThat(t.updatedAt()).isEqualTo(T0.plus(Duration.ofMinutes(2)));
        assertThat(tracker.list(null, 10).getFirst().comments()).hasSize(2);
        assertProblem(() -> tracker.comment("BOOK-9", "x"), Problem.Kind.NOT_FOUND, "BOOK-9");
        assertProblem(() -> tracker.comment("BOOK-1", " "), Problem.Kind.INVALID);
    }

    @Test
    void listIsNewestFirstPerProjectOrAll() {
        tracker.create(draft("BOOK", "one"), said("1"));
        clock.advance(Duration.ofSeconds(1));
        tracker.create(draft("SHOP", "two"), said("2"));
        clock.advance(Duration.ofSeconds(1));
        tracker.create(draft("BOOK", "three"), said("3"));

        assertThat(tracker.list(null, 10)).extracting(Ticket::key).containsExactly("BOOK-2", "SHOP-1", "BOOK-1");
        assertThat(tracker.list("BOOK", 10)).extracting(Ticket::key).containsExactly("BOOK-2", "BOOK-1");
        assertThat(tracker.list(null, 1)).extracting(Ticket::key).containsExactly("BOOK-2");
        assertThat(tracker.list("NOPE", 10)).isEmpty();
        assertThat(tracker.find("NOPE-1")).isEmpty();
        assertThat(tracker.find(null)).isEmpty();
    }
}

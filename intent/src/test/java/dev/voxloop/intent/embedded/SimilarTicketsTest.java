package dev.voxloop.intent.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voxloop.core.intent.IssueType;
import dev.voxloop.core.intent.Priority;
import dev.voxloop.core.intent.TicketDraft;
import dev.voxloop.core.ticket.LikelyDuplicate;
import dev.voxloop.core.ticket.Ticket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Which open tickets are named: the plumbing with the word-hash stand-in model (threshold, order, at most three,
 * a model that is not there), and the bundled model on a few sentences (slow: it loads the 90 MB model).
 */
class SimilarTicketsTest {

    private static TicketDraft draft(String summary) {
        return new TicketDraft(summary, summary, List.of(), IssueType.BUG, Priority.MEDIUM, "TRACK", null, List.of());
    }

    private static Ticket ticket(String key, String summary) {
        Instant t = Instant.parse("2026-12-06T00:00:00Z");
        return new Ticket(key, "/tickets/" + key, "TRACK", summary, "", List.of(), IssueType.BUG, Priority.MEDIUM,
                List.of(), "To Do", null, null, t, t, List.of());
    }

    @Test
    void namesTheTicketsAtOrAboveTheThresholdMostAlikeFirstAndAtMostThree() {
        SimilarTickets finder = new SimilarTickets(() -> new MiniLmHintsTest.WordHashModel(0), 0.6,
                Duration.ofSeconds(10));
        List<LikelyDuplicate> found = finder.likelyDuplicates(draft("The timer stops after one hour"), List.of(
                ticket("TRACK-1", "Invoices need the client's VAT number"),
                ticket("TRACK-2", "The timer stops after one hour"),
                ticket("TRACK-3", "The timer stops after an hour"),
                ticket("TRACK-4", "timer stops after one hour"),
                ticket("TRACK-5", "The timer stops after one hour on Safari")));
        assertThat(found).extracting(LikelyDuplicate::key).hasSize(3).startsWith("TRACK-2")
                .doesNotContain("TRACK-1");
        assertThat(found).isSortedAccordingTo((a, b) -> Double.compare(b.similarity(), a.similarity()));
        assertThat(found.getFirst().similarity()).isGreaterThan(0.99);
        assertThat(found.getFirst().summary()).isEqualTo("The timer stops after one hour");
    }

    @Test
    void aModelThatDoesNotLoadMeansNoHintNotAFailure() {
        SimilarTickets finder = new SimilarTickets(() -> {
            throw new IllegalStateException("no model here");
        }, 0.5, Duration.ofSeconds(5));
        assertThat(finder.likelyDuplicates(draft("The timer stops after one hour"),
                List.of(ticket("TRACK-2", "The timer stops after one hour")))).isEmpty();
        assertThat(finder.likelyDuplicates(draft(""), List.of(ticket("TRACK-2", "x")))).isEmpty();
    }

    @Test
    @Tag("slow")
    void theBundledModelTellsARephrasedRequestFromANeighbouringOne() {
        SimilarTickets finder = SimilarTickets.withBundledModel(0.55, Duration.ofSeconds(120));
        List<LikelyDuplicate> found = finder.likelyDuplicates(draft("Start and stop the timer with a hotkey"),
                List.of(ticket("TRACK-7", "Keyboard shortcuts for starting and stopping the timer"),
                        ticket("TRACK-8", "The timer should show seconds as well as minutes")));
        assertThat(found).extracting(LikelyDuplicate::key).containsExactly("TRACK-7");
    }
}

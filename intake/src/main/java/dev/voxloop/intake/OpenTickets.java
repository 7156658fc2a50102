package dev.voxloop.intake;

import dev.voxloop.core.intent.TicketDraft;
import dev.voxloop.core.problem.Redacted;
import dev.voxloop.core.ticket.DuplicateFinder;
import dev.voxloop.core.ticket.LikelyDuplicate;
import dev.voxloop.core.ticket.Ticket;
import dev.voxloop.core.ticket.TicketTracker;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The open tickets of a draft's project that the draft seems to repeat, for the read-back. A hint only: when the
 * tracker cannot list its tickets the read-back goes ahead without it.
 */
final class OpenTickets {

    private static final Logger LOG = LoggerFactory.getLogger(OpenTickets.class);
    /** The newest tickets of the project looked at. */
    static final int LOOKED_AT = 200;
    /** Status names of finished tickets in the trackers voxloop talks to (built-in, Jira's defaults, GitHub). */
    private static final Set<String> CLOSED = Set.of("done", "closed", "resolved", "cancelled", "canceled",
            "won't do", "wont do", "rejected", "duplicate");

    private final TicketTracker tracker;
    private final DuplicateFinder finder;

    OpenTickets(TicketTracker tracker, DuplicateFinder finder) {
        this.tracker = tracker;
        this.finder = finder;
    }

    List<LikelyDuplicate> likelyDuplicates(String intakeId, TicketDraft draft) {
        if (finder == DuplicateFinder.NONE || draft.projectKey() == null || draft.summary().isBlank()) {
            return List.of();
        }
        try {
            List<Ticket> open = tracker.list(draft.projectKey(), LOOKED_AT).stream().filter(OpenTickets::isOpen)
                    .toList();
            return finder.likelyDuplicates(draft, open);
        } catch (RuntimeException e) {
            LOG.warn("no duplicate hint for intake {}: the open tickets could not be compared", intakeId,
                    Redacted.of(e));
            return List.of();
        }
    }

    static boolean isOpen(Ticket t) {
        return t.status() == null || !CLOSED.contains(t.status().strip().toLowerCase(Locale.ROOT));
    }
}

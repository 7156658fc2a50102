package dev.voxloop.loop.review;

import dev.voxloop.core.intent.IssueType;
import dev.voxloop.core.intent.Priority;
import dev.voxloop.core.intent.TicketDraft;
import dev.voxloop.core.queue.LoopQueue;
import dev.voxloop.core.review.Finding;
import dev.voxloop.core.ticket.Provenance;
import dev.voxloop.core.ticket.Ticket;
import dev.voxloop.core.ticket.TicketTracker;
import java.time.Clock;
import java.util.List;

/**
 * Findings marked follow-up become tickets of their own: one per finding fingerprint and original ticket (the
 * create's idempotency key is {@code review:<ticket>:<fingerprint>}, so a finding seen again in a later round or
 * run files nothing new), linked to the original as its parent, labelled {@code review-follow-up}, and queued for
 * the loop only when the project's policy says so.
 */
final class FollowUps {

    static final String LABEL = "review-follow-up";

    private final TicketTracker tracker;
    private final LoopQueue queue;
    private final Clock clock;

    FollowUps(TicketTracker tracker, LoopQueue queue, Clock clock) {
        this.tracker = tracker;
        this.queue = queue;
        this.clock = clock;
    }

    /** Files a ticket for each follow-up finding; returns the tickets (new or found). */
    List<Ticket> file(Ticket original, List<Finding> findings, boolean enqueue) {
        return findings.stream().filter(Finding::followUp).map(f -> {
            String summary = "Follow-up of " + original.key() + ": " + f.category().id() + " in "
                    + (f.path() == null ? "the change" : f.path());
            TicketDraft draft = new TicketDraft(summary.length() > TicketDraft.SUMMARY_MAX
                    ? summary.substring(0, TicketDraft.SUMMARY_MAX) : summary,
                    "The review of " + original.key() + " found: " + f.message()
                            + (f.suggestion() == null ? "" : "\n\n" + f.suggestion()),
                    List.of(), IssueType.TASK, Priority.LOW, original.projectKey(), original.key(),
                    List.of(LABEL, "fp-" + f.fingerprint()));
            Ticket t = tracker.create(draft, new Provenance("review:" + original.key() + ":" + f.fingerprint(),
                    false, f.message(), clock.instant()));
            if (enqueue && queue != null) {
                queue.enqueue(t.key(), t.summary());
            }
            return t;
        }).toList();
    }
}

package dev.voxloop.core.ticket;

import dev.voxloop.core.intent.TicketDraft;
import java.util.List;
import java.util.Optional;

/**
 * Port: where tickets live (built-in, Jira Cloud, GitHub Issues).
 *
 * <p>{@link #create} is idempotent on {@code provenance.intakeId()}: calling it again with the same intake id
 * (after a crash, a timeout or a double click) returns the ticket made the first time instead of filing a
 * second one. Failures are {@link dev.voxloop.core.problem.Problem}s with words a person can act on.
 */
public interface TicketTracker {

    /** Label put on tickets that came from a spoken request; the webhook queues tickets carrying it. */
    String VOICE_INITIATED = "VOICE_INITIATED";

    String name();

    List<Project> projects();

    Ticket create(TicketDraft draft, Provenance provenance);

    Optional<Ticket> find(String key);

    /** Newest first; {@code projectKey} may be null for all projects. */
    List<Ticket> list(String projectKey, int limit);

    void comment(String key, String body);

    /** Moves the ticket to {@code status}, as this tracker's workflow names it. */
    void transition(String key, TicketStatus status);

    /** A link a person can open. */
    String browseUrl(String key);
}

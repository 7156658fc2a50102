package dev.voxloop.core.ticket;

import dev.voxloop.core.intent.TicketDraft;
import java.util.List;

/**
 * Port: which open tickets a draft seems to repeat. The intake asks before the read-back and names them there; it
 * never refuses to file because of them.
 */
public interface DuplicateFinder {

    /**
     * The tickets of {@code open} that look like {@code draft}, most alike first, at most a few; empty when none
     * is alike enough or the finder cannot tell right now (a model still loading).
     */
    List<LikelyDuplicate> likelyDuplicates(TicketDraft draft, List<Ticket> open);

    /** Starts loading a model in the background, if the finder has one; returns at once. */
    default void warm() {
    }

    /** Finds nothing (no model configured). */
    DuplicateFinder NONE = (draft, open) -> List.of();
}

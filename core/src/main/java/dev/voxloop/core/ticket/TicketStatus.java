package dev.voxloop.core.ticket;

/**
 * Where a ticket is in its life, in the domain's words. Each tracker maps these to its own workflow: the built-in
 * tracker to its own status names, Jira to the statuses (or transitions) configured for the project's workflow.
 */
public enum TicketStatus {
    /** Filed, nobody working on it yet. */
    TO_DO,
    /** An agent (or a person) is working on it. */
    IN_PROGRESS,
    /** The change is done and waits for review. */
    IN_REVIEW,
    /** The change is merged. */
    DONE
}

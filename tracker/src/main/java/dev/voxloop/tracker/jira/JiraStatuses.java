package dev.voxloop.tracker.jira;

import dev.voxloop.core.config.ConfigTree;
import dev.voxloop.core.config.Key;
import dev.voxloop.core.config.Settings;
import dev.voxloop.core.ticket.TicketStatus;

/**
 * The project's workflow in Jira's words: for each domain ticket status, the name of the Jira status to move to
 * or of the transition that gets there (matched case-insensitively, transitions first). The defaults are Jira's
 * standard software workflow; a project with its own workflow sets the names it uses.
 */
public record JiraStatuses(
        @Key(path = "to_do", fallback = "To Do", env = "JIRA_STATUS_TO_DO",
                doc = "Jira status or transition for a ticket nobody works on yet")
        String toDo,
        @Key(path = "in_progress", fallback = "In Progress", env = "JIRA_STATUS_IN_PROGRESS",
                doc = "Jira status or transition for a ticket an agent is working on")
        String inProgress,
        @Key(path = "in_review", fallback = "In Review", env = "JIRA_STATUS_IN_REVIEW",
                doc = "Jira status or transition for a ticket whose change waits for review")
        String inReview,
        @Key(path = "done", fallback = "Done", env = "JIRA_STATUS_DONE",
                doc = "Jira status or transition for a ticket whose change is merged")
        String done) {

    public static JiraStatuses defaults() {
        return Settings.bind(JiraStatuses.class, ConfigTree.empty());
    }

    /** The Jira name for {@code status}. */
    public String name(TicketStatus status) {
        return switch (status) {
            case TO_DO -> toDo;
            case IN_PROGRESS -> inProgress;
            case IN_REVIEW -> inReview;
            case DONE -> done;
        };
    }
}

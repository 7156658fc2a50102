package dev.voxloop.intake;

import dev.voxloop.core.intake.DraftEdits;
import dev.voxloop.core.intent.IssueType;
import dev.voxloop.core.intent.Priority;
import dev.voxloop.core.intent.TicketDraft;
import dev.voxloop.core.problem.Problem;
import dev.voxloop.core.ticket.Project;
import dev.voxloop.core.ticket.TicketKey;
import java.util.List;
import java.util.function.Predicate;

/** Applies the person's read-back edits to a draft, checking each field as it goes. */
final class PreviewEdits {

    private PreviewEdits() {
    }

    /** {@code draft} with {@code edits} applied; throws an INVALID problem naming the first bad field. */
    static TicketDraft apply(DraftEdits edits, TicketDraft draft, List<Project> projects,
                             Predicate<String> ticketExists) {
        TicketDraft d = draft;
        if (edits.summary() != null) {
            String s = edits.summary().strip();
            if (s.length() < TicketDraft.SUMMARY_MIN || s.length() > TicketDraft.SUMMARY_MAX) {
                throw Problem.invalid("summary", "summary must be 3 to 255 characters");
            }
            d = d.withSummary(s);
        }
        if (edits.description() != null) {
            d = d.withDescription(edits.description());
        }
        if (edits.acceptanceCriteria() != null) {
            d = d.withAcceptanceCriteria(edits.acceptanceCriteria());
        }
        if (edits.issueType() != null) {
            d = d.withIssueType(IssueType.parse(edits.issueType()).orElseThrow(() -> Problem.invalid("issue_type",
                    "issue_type must be one of Bug, Story, Task, Epic, Sub-task")));
        }
        if (edits.priority() != null) {
            d = d.withPriority(Priority.parse(edits.priority()).orElseThrow(() -> Problem.invalid("priority",
                    "priority must be one of Highest, High, Medium, Low, Lowest")));
        }
        if (edits.labels() != null) {
            d = d.withLabels(edits.labels());
        }
        if (edits.project() != null) {
            String key = edits.project().strip();
            Project match = projects.stream()
                    .filter(p -> p.key().equalsIgnoreCase(key) || p.name().equalsIgnoreCase(key)).findFirst()
                    .orElseThrow(() -> Problem.invalid("project", "unknown project '" + key + "'"));
            d = d.withProjectKey(match.key());
        }
        if (edits.parent() != null) {
            d = d.withParentKey(edits.parent().isBlank() ? null : parent(edits.parent().strip(), ticketExists));
        }
        return d;
    }

    /** A parent is an existing ticket: a key of the right shape that the tracker knows. */
    private static String parent(String key, Predicate<String> ticketExists) {
        if (!TicketKey.valid(key)) {
            throw Problem.invalid("parent", "parent must be a ticket key such as BOOK-12");
        }
        if (!ticketExists.test(key)) {
            throw Problem.invalid("parent", "parent " + key + " does not exist");
        }
        return key;
    }
}

package dev.voxloop.core.intake;

import dev.voxloop.core.intent.IssueType;
import dev.voxloop.core.intent.Priority;
import dev.voxloop.core.intent.TicketDraft;
import dev.voxloop.core.problem.Problem;
import dev.voxloop.core.ticket.Project;
import java.util.List;

/**
 * Field edits a person makes in the read-back preview before approving. Null means "leave as is".
 * Values are validated here so a bad edit is a 400 naming the field, never a half-filed ticket.
 */
public record DraftEdits(String summary, String description, List<String> acceptanceCriteria, String issueType,
                         String priority, List<String> labels, String project, String parent) {

    public static DraftEdits none() {
        return new DraftEdits(null, null, null, null, null, null, null, null);
    }

    public TicketDraft applyTo(TicketDraft draft, List<Project> projects) {
        TicketDraft d = draft;
        if (summary != null) {
            String s = summary.strip();
            if (s.length() < TicketDraft.SUMMARY_MIN || s.length() > TicketDraft.SUMMARY_MAX) {
                throw Problem.invalid("summary", "summary must be 3 to 255 characters");
            }
            d = d.withSummary(s);
        }
        if (description != null) {
            d = d.withDescription(description);
        }
        if (acceptanceCriteria != null) {
            d = d.withAcceptanceCriteria(acceptanceCriteria);
        }
        if (issueType != null) {
            d = d.withIssueType(IssueType.parse(issueType).orElseThrow(() -> Problem.invalid("issue_type",
                    "issue_type must be one of Bug, Story, Task, Epic, Sub-task")));
        }
        if (priority != null) {
            d = d.withPriority(Priority.parse(priority).orElseThrow(() -> Problem.invalid("priority",
                    "priority must be one of Highest, High, Medium, Low, Lowest")));
        }
        if (labels != null) {
            d = d.withLabels(labels);
        }
        if (project != null) {
            String key = project.strip();
            Project match = projects.stream()
                    .filter(p -> p.key().equalsIgnoreCase(key) || p.name().equalsIgnoreCase(key)).findFirst()
                    .orElseThrow(() -> Problem.invalid("project", "unknown project '" + key + "'"));
            d = d.withProjectKey(match.key());
        }
        if (parent != null) {
            d = d.withParentKey(parent.isBlank() ? null : parent.strip());
        }
        return d;
    }
}

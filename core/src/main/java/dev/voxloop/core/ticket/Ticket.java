package dev.voxloop.core.ticket;

import dev.voxloop.core.intent.IssueType;
import dev.voxloop.core.intent.Priority;
import java.time.Instant;
import java.util.List;

/** A filed ticket as the tracker holds it. */
public record Ticket(String key, String url, String projectKey, String summary, String description,
                     List<String> acceptanceCriteria, IssueType issueType, Priority priority, List<String> labels,
                     String status, String parentKey, String intakeId, Instant createdAt, Instant updatedAt,
                     List<Comment> comments) {

    public Ticket {
        acceptanceCriteria = acceptanceCriteria == null ? List.of() : List.copyOf(acceptanceCriteria);
        labels = labels == null ? List.of() : List.copyOf(labels);
        comments = comments == null ? List.of() : List.copyOf(comments);
    }

    public boolean hasLabel(String label) {
        return labels.contains(label);
    }
}

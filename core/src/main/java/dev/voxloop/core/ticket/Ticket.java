package dev.voxloop.core.ticket;

import dev.voxloop.core.intent.IssueType;
import dev.voxloop.core.intent.Priority;
import java.time.Instant;
import java.util.List;

/**
 * A filed ticket as the tracker holds it.
 *
 * @param notes what filing did differently from the approved draft, for the person (a field the tracker's create
 *              screen lacks, added afterwards by an edit or a comment); empty when it went as approved
 */
public record Ticket(String key, String url, String projectKey, String summary, String description,
                     List<String> acceptanceCriteria, IssueType issueType, Priority priority, List<String> labels,
                     String status, String parentKey, String intakeId, Instant createdAt, Instant updatedAt,
                     List<Comment> comments, List<String> notes) {

    public Ticket {
        acceptanceCriteria = acceptanceCriteria == null ? List.of() : List.copyOf(acceptanceCriteria);
        labels = labels == null ? List.of() : List.copyOf(labels);
        comments = comments == null ? List.of() : List.copyOf(comments);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** A ticket filed as approved (no notes). */
    public Ticket(String key, String url, String projectKey, String summary, String description,
                  List<String> acceptanceCriteria, IssueType issueType, Priority priority, List<String> labels,
                  String status, String parentKey, String intakeId, Instant createdAt, Instant updatedAt,
                  List<Comment> comments) {
        this(key, url, projectKey, summary, description, acceptanceCriteria, issueType, priority, labels, status,
                parentKey, intakeId, createdAt, updatedAt, comments, List.of());
    }

    public Ticket withNotes(List<String> v) {
        return new Ticket(key, url, projectKey, summary, description, acceptanceCriteria, issueType, priority, labels,
                status, parentKey, intakeId, createdAt, updatedAt, comments, v);
    }

    public boolean hasLabel(String label) {
        return labels.contains(label);
    }
}

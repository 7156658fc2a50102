package dev.voxloop.core.intake;

import java.util.List;

/**
 * Field edits a person makes in the read-back preview before approving. Null means "leave as is". The intake
 * validates and applies them before anything is filed, so a bad edit is refused naming the field, never a
 * half-filed ticket.
 */
public record DraftEdits(String summary, String description, List<String> acceptanceCriteria, String issueType,
                         String priority, List<String> labels, String project, String parent) {

    public static DraftEdits none() {
        return new DraftEdits(null, null, null, null, null, null, null, null);
    }
}

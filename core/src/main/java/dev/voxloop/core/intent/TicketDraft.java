package dev.voxloop.core.intent;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * A ticket as understood so far: what a person approves and what the tracker files.
 * Fields may be null (type, priority, project) while the draft is not ready.
 */
public record TicketDraft(String summary, String description, List<String> acceptanceCriteria, IssueType issueType,
                          Priority priority, String projectKey, String parentKey, List<String> labels) {

    public static final int SUMMARY_MIN = 3;
    public static final int SUMMARY_MAX = 255;

    public TicketDraft {
        summary = summary == null ? "" : summary.strip();
        description = description == null ? "" : description.strip();
        acceptanceCriteria = acceptanceCriteria == null ? List.of() : acceptanceCriteria.stream()
                .filter(c -> c != null && !c.isBlank()).map(String::strip).toList();
        labels = normaliseLabels(labels);
    }

    public static TicketDraft empty() {
        return new TicketDraft("", "", List.of(), null, null, null, null, List.of());
    }

    /** Labels may not contain spaces (trackers reject them): spaces become hyphens, duplicates go. */
    public static List<String> normaliseLabels(List<String> labels) {
        if (labels == null) {
            return List.of();
        }
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String l : labels) {
            if (l != null && !l.isBlank()) {
                out.add(l.strip().replaceAll("\\s+", "-"));
            }
        }
        return List.copyOf(out);
    }

    public TicketDraft withSummary(String v) {
        return new TicketDraft(v, description, acceptanceCriteria, issueType, priority, projectKey, parentKey, labels);
    }

    public TicketDraft withDescription(String v) {
        return new TicketDraft(summary, v, acceptanceCriteria, issueType, priority, projectKey, parentKey, labels);
    }

    public TicketDraft withAcceptanceCriteria(List<String> v) {
        return new TicketDraft(summary, description, v, issueType, priority, projectKey, parentKey, labels);
    }

    public TicketDraft withIssueType(IssueType v) {
        return new TicketDraft(summary, description, acceptanceCriteria, v, priority, projectKey, parentKey, labels);
    }

    public TicketDraft withPriority(Priority v) {
        return new TicketDraft(summary, description, acceptanceCriteria, issueType, v, projectKey, parentKey, labels);
    }

    public TicketDraft withProjectKey(String v) {
        return new TicketDraft(summary, description, acceptanceCriteria, issueType, priority, v, parentKey, labels);
    }

    public TicketDraft withParentKey(String v) {
        return new TicketDraft(summary, description, acceptanceCriteria, issueType, priority, projectKey, v, labels);
    }

    public TicketDraft withLabels(List<String> v) {
        return new TicketDraft(summary, description, acceptanceCriteria, issueType, priority, projectKey, parentKey, v);
    }

    public TicketDraft withLabel(String label) {
        List<String> l = new ArrayList<>(labels);
        l.add(label);
        return withLabels(l);
    }

    /** Acceptance criteria as one Gherkin-style string, one per line (the wire API's shape). */
    public String acceptanceCriteriaText() {
        return String.join("\n", acceptanceCriteria);
    }
}

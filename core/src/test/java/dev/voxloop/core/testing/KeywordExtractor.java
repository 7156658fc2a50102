package dev.voxloop.core.testing;

import dev.voxloop.core.intent.Extraction;
import dev.voxloop.core.intent.IntentExtractor;
import dev.voxloop.core.intent.IntentRequest;
import dev.voxloop.core.intent.IssueType;
import dev.voxloop.core.intent.Priority;
import dev.voxloop.core.intent.TicketDraft;
import dev.voxloop.core.ticket.Project;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Test fixture: a tiny rule-based extractor, predictable enough to drive the intake state machine in tests.
 * Reads the request and every answer: "bug/crash/broken" make a Bug, "feature/add" a Story, "task" a Task;
 * "urgent/critical" Highest, "high priority" High, "low priority" Low; a project by key or name; the summary is
 * the text after a colon, else the first clause; every sentence with "should" or "must" is a criterion.
 */
public final class KeywordExtractor implements IntentExtractor {

    @Override
    public String name() {
        return "keywords";
    }

    @Override
    public Extraction extract(IntentRequest request) {
        List<String> parts = new ArrayList<>();
        parts.add(request.text());
        parts.addAll(request.answers());
        String all = String.join(". ", parts);
        String lower = all.toLowerCase(Locale.ROOT);

        IssueType type = lower.matches("(?s).*\\b(bug|crash\\w*|broken)\\b.*") ? IssueType.BUG
                : lower.matches("(?s).*\\b(feature|add)\\b.*") ? IssueType.STORY
                : lower.matches("(?s).*\\btask\\b.*") ? IssueType.TASK : null;
        Priority priority = lower.matches("(?s).*\\b(urgent|critical)\\b.*") ? Priority.HIGHEST
                : lower.contains("high priority") ? Priority.HIGH
                : lower.contains("low priority") ? Priority.LOW : null;
        String project = request.projects().stream()
                .filter(p -> mentions(lower, p))
                .map(Project::key).findFirst().orElse(null);
        String text = request.text();
        int colon = text.indexOf(':');
        String summary = (colon >= 0 ? text.substring(colon + 1) : text.split("[.;,\\n]")[0]).strip();
        if (summary.length() > TicketDraft.SUMMARY_MAX) {
            summary = summary.substring(0, TicketDraft.SUMMARY_MAX);
        }
        List<String> criteria = new ArrayList<>();
        for (String sentence : all.split("[.;\\n]")) {
            String s = sentence.strip();
            if (s.toLowerCase(Locale.ROOT).matches(".*\\b(should|must)\\b.*")) {
                criteria.add(s);
            }
        }
        List<String> missing = new ArrayList<>();
        if (type == null) {
            missing.add("issue_type");
        }
        if (project == null) {
            missing.add("project");
        }
        Map<String, Double> confidence = new HashMap<>();
        confidence.put("summary", summary.length() >= 10 ? 0.8 : 0.3);
        confidence.put("issue_type", type == null ? 0.0 : 0.9);
        confidence.put("project", project == null ? 0.0 : 0.9);
        List<String> flags = lower.contains("ignore previous instructions")
                ? List.of("possible_injection: ignore previous instructions") : List.of();
        double score = missing.size() * 0.3 + (criteria.isEmpty() ? 0.2 : 0);
        TicketDraft draft = new TicketDraft(summary, all, criteria, type, priority, project, null, List.of());
        return new Extraction(draft, missing, List.of(), confidence, flags, List.of(), score, name());
    }

    private static boolean mentions(String lower, Project p) {
        return lower.matches("(?s).*\\b" + java.util.regex.Pattern.quote(p.key().toLowerCase(Locale.ROOT)) + "\\b.*")
                || lower.contains(p.name().toLowerCase(Locale.ROOT));
    }
}

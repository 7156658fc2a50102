package dev.voxloop.intake;

import dev.voxloop.core.intent.Clarification;
import dev.voxloop.core.intent.Extraction;
import dev.voxloop.core.intent.TicketDraft;
import dev.voxloop.core.ticket.Project;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Readiness as a rule, not a mood: a draft is ready when it has a project that exists, a type, a concrete
 * summary and at least one testable acceptance criterion. Otherwise the most valuable gap becomes ONE
 * question, a closed choice where possible. After {@code maxRounds} questions the draft goes to the
 * read-back preview with its gaps marked.
 */
public final class ClarificationPolicy {

    /** Gap names, most valuable first. */
    public static final String SUMMARY = "summary";
    public static final String PROJECT = "project";
    public static final String ISSUE_TYPE = "issue_type";
    public static final String ACCEPTANCE_CRITERIA = "acceptance_criteria";

    private static final int MAX_PROJECT_CHOICES = 6;

    private final int maxRounds;

    public ClarificationPolicy(int maxRounds) {
        if (maxRounds < 0) {
            throw new IllegalArgumentException("maxRounds must be >= 0");
        }
        this.maxRounds = maxRounds;
    }

    public int maxRounds() {
        return maxRounds;
    }

    /**
     * @param verdictGaps what is missing, most valuable first (empty when ready)
     * @param question    the question to ask now, or null when ready or out of rounds
     */
    public record Verdict(List<String> verdictGaps, Clarification question) {

        public boolean ready() {
            return verdictGaps.isEmpty();
        }

        public boolean shouldAsk() {
            return question != null;
        }
    }

    public Verdict assess(Extraction extraction, List<Project> projects, int roundsAsked) {
        List<String> gaps = gaps(extraction, projects);
        if (gaps.isEmpty() || roundsAsked >= maxRounds) {
            return new Verdict(gaps, null);
        }
        return new Verdict(gaps, question(gaps.getFirst(), extraction, projects, roundsAsked + 1));
    }

    public List<String> gaps(Extraction extraction, List<Project> projects) {
        TicketDraft d = extraction.draft();
        List<String> gaps = new ArrayList<>();
        if (d.summary().length() < TicketDraft.SUMMARY_MIN || extraction.missing().contains(SUMMARY)) {
            gaps.add(SUMMARY);
        }
        if (d.projectKey() == null || projects.stream().noneMatch(p -> p.key().equals(d.projectKey()))) {
            gaps.add(PROJECT);
        }
        if (d.issueType() == null || extraction.missing().contains(ISSUE_TYPE)) {
            gaps.add(ISSUE_TYPE);
        }
        if (d.acceptanceCriteria().isEmpty()) {
            gaps.add(ACCEPTANCE_CRITERIA);
        }
        return List.copyOf(gaps);
    }

    private Clarification question(String gap, Extraction extraction, List<Project> projects, int round) {
        return switch (gap) {
            case PROJECT -> projectQuestion(extraction, projects, round);
            case ISSUE_TYPE -> new Clarification(ISSUE_TYPE,
                    "Is this a bug (something that is broken), a new feature, or a technical task?",
                    List.of("Bug", "Story", "Task"), round);
            case ACCEPTANCE_CRITERIA -> new Clarification(ACCEPTANCE_CRITERIA,
                    "How will we know it is done? Name one thing that should work afterwards.", List.of(), round);
            default -> new Clarification(SUMMARY, extraction.questions().stream().filter(Objects::nonNull)
                    .findFirst().orElse("What exactly should change, and where?"), List.of(), round);
        };
    }

    private Clarification projectQuestion(Extraction extraction, List<Project> projects, int round) {
        List<String> names = candidateProjects(extraction, projects).stream().map(Project::name).toList();
        String question = switch (names.size()) {
            case 0 -> "Which project is this for?";
            case 1 -> "Is this for " + names.getFirst() + "?";
            case 2 -> "Is this for " + names.getFirst() + " or " + names.getLast() + "?";
            default -> "Which project is this for: " + String.join(", ", names.subList(0, names.size() - 1)) + " or "
                    + names.getLast() + "?";
        };
        return new Clarification(PROJECT, question, names, round);
    }

    /**
     * The projects to offer: those the extractor hinted at (named in its ambiguities) when two or more; otherwise
     * every project, a single hinted one first, when they are few; otherwise the first few.
     */
    private static List<Project> candidateProjects(Extraction extraction, List<Project> projects) {
        List<Project> hinted = projects.stream().filter(p -> extraction.ambiguities().stream()
                .anyMatch(a -> a.contains(p.key()) || a.contains(p.name()))).toList();
        if (hinted.size() >= 2) {
            return hinted.subList(0, Math.min(MAX_PROJECT_CHOICES, hinted.size()));
        }
        List<Project> pool = new ArrayList<>(hinted);
        projects.stream().filter(p -> !hinted.contains(p)).forEach(pool::add);
        return List.copyOf(pool.subList(0, Math.min(MAX_PROJECT_CHOICES, pool.size())));
    }
}

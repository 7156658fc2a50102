package dev.voxloop.forge.review;

import dev.voxloop.core.review.Finding;
import dev.voxloop.core.review.Review;
import dev.voxloop.core.review.ReviewRequest;
import dev.voxloop.core.review.Reviewer;
import dev.voxloop.core.review.Severity;
import dev.voxloop.core.review.Verdict;
import dev.voxloop.forge.review.diff.UnifiedDiff;
import dev.voxloop.forge.review.rules.DebugLeftovers;
import dev.voxloop.forge.review.rules.DependencyChanges;
import dev.voxloop.forge.review.rules.DiffSize;
import dev.voxloop.forge.review.rules.OutOfScope;
import dev.voxloop.forge.review.rules.ReviewedChange;
import dev.voxloop.forge.review.rules.Rule;
import dev.voxloop.forge.review.rules.Secrets;
import dev.voxloop.forge.review.rules.Traceability;
import dev.voxloop.forge.review.rules.WeakenedTests;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The built-in reviewer: every {@link Rule} over the parsed diff, no model, always the same answer for the same
 * change. Changes are requested when a finding reaches {@code blocking}; findings below it make a comment.
 */
public final class BuiltinReviewer implements Reviewer {

    private final List<Rule> rules;
    private final Severity blocking;

    public BuiltinReviewer(List<Rule> rules, Severity blocking) {
        this.rules = List.copyOf(rules);
        this.blocking = blocking;
    }

    /** Every rule, the default size limit, changes requested from {@link Severity#MAJOR}. */
    public static BuiltinReviewer standard() {
        return withLimit(DiffSize.DEFAULT_LIMIT, Severity.MAJOR);
    }

    public static BuiltinReviewer withLimit(int sizeLimit, Severity blocking) {
        return new BuiltinReviewer(List.of(new WeakenedTests(), new Secrets(), new DebugLeftovers(),
                new DependencyChanges(), new OutOfScope(), new DiffSize(sizeLimit), new Traceability()), blocking);
    }

    @Override
    public String name() {
        return Rule.AUTHOR;
    }

    @Override
    public Review review(ReviewRequest request) {
        ReviewedChange change = new ReviewedChange(request, UnifiedDiff.parse(request.diff()));
        List<Finding> findings = rules.stream().flatMap(r -> r.check(change).stream())
                .sorted(Comparator.comparing((Finding f) -> f.path() == null ? "" : f.path())
                        .thenComparing(f -> f.line() == null ? 0 : f.line()))
                .toList();
        return new Review(name(), Verdict.COMMENT, summary(findings, change), findings, request.change().headSha())
                .judgedAt(blocking);
    }

    private static String summary(List<Finding> findings, ReviewedChange change) {
        if (findings.isEmpty()) {
            return "The rules found nothing to change in " + change.files().size() + " file(s).";
        }
        Map<String, Long> counts = findings.stream()
                .collect(Collectors.groupingBy(f -> f.category().id(), TreeMap::new, Collectors.counting()));
        return findings.size() + " finding(s): " + counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                .collect(Collectors.joining(", ")) + ".";
    }
}

package dev.voxloop.core.review;

import java.util.List;
import java.util.Objects;

/**
 * A reviewer's answer about one head of a change.
 *
 * @param reviewer the reviewer's name (see {@link Reviewer#name()})
 * @param headSha  the commit reviewed, or null for a local diff given as text
 * @param summary  one paragraph a person reads first
 */
public record Review(String reviewer, Verdict verdict, String summary, List<Finding> findings, String headSha) {

    public Review {
        Objects.requireNonNull(verdict, "verdict");
        summary = summary == null ? "" : summary;
        findings = findings == null ? List.of() : List.copyOf(findings);
    }

    /**
     * This review with the verdict {@code blocking} gives: changes requested when a finding reaches it, a comment
     * when findings stay below it, an approval without findings. A project's policy names {@code blocking}; the
     * verdict posted to the forge follows it, whatever level the reviewer itself judged by.
     */
    public Review judgedAt(Severity blocking) {
        Verdict v = !blocking(blocking).isEmpty() ? Verdict.REQUEST_CHANGES
                : findings.isEmpty() ? Verdict.APPROVE : Verdict.COMMENT;
        return v == verdict ? this : new Review(reviewer, v, summary, findings, headSha);
    }

    /** The findings at or above {@code blocking}. */
    public List<Finding> blocking(Severity blocking) {
        return findings.stream().filter(f -> f.severity().atLeast(blocking)).toList();
    }
}

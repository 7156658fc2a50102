package dev.voxloop.loop.review;

import dev.voxloop.core.forge.Review;
import dev.voxloop.core.forge.ReviewComment;
import dev.voxloop.core.review.Category;
import dev.voxloop.core.review.Finding;
import dev.voxloop.core.review.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reviews on the forge by people and other bots (not voxloop's own), as findings with their author: each author's
 * latest review counts; a change request blocks (its line comments and its body are the findings), an approval
 * is a person's approval, comments are findings that block nothing.
 */
record PeopleReviews(Map<String, Review> latest) {

    static PeopleReviews of(List<Review> reviews) {
        Map<String, Review> latest = new LinkedHashMap<>();
        for (Review r : reviews) {
            if (!ReviewText.voxloops(r.body()) && r.state() != Review.State.PENDING
                    && r.state() != Review.State.DISMISSED) {
                latest.put(r.author() == null ? "someone" : r.author(), r);
            }
        }
        return new PeopleReviews(latest);
    }

    /** Someone approved the head {@code headSha} and nobody's latest review asks for changes. */
    boolean approvedAt(String headSha) {
        return latest.values().stream().anyMatch(r -> r.state() == Review.State.APPROVED
                && headSha.equals(r.commitSha()))
                && latest.values().stream().noneMatch(r -> r.state() == Review.State.CHANGES_REQUESTED);
    }

    /** The findings of change requests: they block whatever the policy's severity (a person asked). */
    List<Finding> blocking() {
        return findings().stream().filter(f -> f.severity() == Severity.MAJOR).toList();
    }

    List<Finding> findings() {
        List<Finding> out = new ArrayList<>();
        for (Review r : latest.values()) {
            if (r.state() == Review.State.APPROVED) {
                continue;
            }
            Severity s = r.state() == Review.State.CHANGES_REQUESTED ? Severity.MAJOR : Severity.INFO;
            for (ReviewComment c : r.comments()) {
                out.add(new Finding(c.path(), c.line(), s, Category.OTHER, c.body(), null, r.author(), false));
            }
            if (!r.body().isBlank() || r.comments().isEmpty()) {
                out.add(new Finding(null, null, s, Category.OTHER, r.body().isBlank() ? "changes requested" : r.body(),
                        null, r.author(), false));
            }
        }
        return out;
    }
}

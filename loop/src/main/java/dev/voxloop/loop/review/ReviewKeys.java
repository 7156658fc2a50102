package dev.voxloop.loop.review;

import dev.voxloop.core.config.Key;
import dev.voxloop.core.review.Severity;
import java.util.List;
import java.util.Locale;

/** The {@code loop.projects.<KEY>.review} section as configured; {@link #policy()} checks it. */
public record ReviewKeys(
        @Key(path = "required", doc = "Reviewers every head needs (unset: voxloop-rules)")
        List<String> required,
        @Key(path = "blocking", fallback = "major", doc = "Lowest finding severity that blocks the merge: info, minor,"
                + " major or critical")
        String blocking,
        @Key(path = "person_approval", fallback = "never", doc = "Whether a person must approve: never, always, or"
                + " protected (when protected_paths or CODEOWNERS-owned files change)")
        String personApproval,
        @Key(path = "protected_paths", doc = "Path prefixes or globs whose change needs a person's approval")
        List<String> protectedPaths,
        @Key(path = "max_rounds", fallback = "2", doc = "Reviews before open blocking findings block the run")
        int maxRounds,
        @Key(path = "queue_follow_ups", fallback = "false", doc = "Queue the follow-up tickets made from findings")
        boolean queueFollowUps,
        @Key(path = "dependency_allowlist", doc = "Dependencies the rules accept without a finding")
        List<String> dependencyAllowlist) {

    /** The policy these keys give; a bad value is an {@link IllegalArgumentException} naming it. */
    public ReviewPolicy policy() {
        ReviewPolicy.PersonApproval approval;
        try {
            approval = ReviewPolicy.PersonApproval.valueOf(personApproval.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("review.person_approval must be never, always or protected, not '"
                    + personApproval + "'");
        }
        return new ReviewPolicy(required == null || required.isEmpty() ? ReviewPolicy.DEFAULT.required() : required,
                Severity.parse(blocking), approval, protectedPaths == null ? List.of() : protectedPaths, maxRounds,
                queueFollowUps, dependencyAllowlist == null ? List.of() : dependencyAllowlist);
    }
}

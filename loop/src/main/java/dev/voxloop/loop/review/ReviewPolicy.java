package dev.voxloop.loop.review;

import dev.voxloop.core.config.ConfigTree;
import dev.voxloop.core.problem.Problem;
import dev.voxloop.core.review.Severity;
import java.util.List;
import java.util.Locale;

/**
 * How a project's pull requests are reviewed, from {@code loop.projects.<KEY>.review} in voxloop.yaml.
 *
 * @param required            reviewers whose review every head needs (default: the built-in rules)
 * @param blocking            the lowest severity that blocks the merge (default major)
 * @param personApproval      whether a person must approve too: never (default), always, or when a protected path
 *                            or a CODEOWNERS-owned file changes
 * @param protectedPaths      path prefixes or globs ({@code *}, {@code **}) that need a person when changed
 * @param maxRounds           reviews of the run's pull request before open blocking findings block the run
 *                            (default 2: one fix turn)
 * @param queueFollowUps      whether follow-up tickets made from findings are queued for the loop (default no)
 * @param dependencyAllowlist dependencies the rules accept without a finding
 */
public record ReviewPolicy(List<String> required, Severity blocking, PersonApproval personApproval,
                           List<String> protectedPaths, int maxRounds, boolean queueFollowUps,
                           List<String> dependencyAllowlist) {

    public static final ReviewPolicy DEFAULT = new ReviewPolicy(List.of("voxloop-rules"), Severity.MAJOR,
            PersonApproval.NEVER, List.of(), 2, false, List.of());

    public enum PersonApproval {
        NEVER, ALWAYS, PROTECTED
    }

    public ReviewPolicy {
        required = List.copyOf(required);
        protectedPaths = List.copyOf(protectedPaths);
        dependencyAllowlist = List.copyOf(dependencyAllowlist);
        if (maxRounds < 1) {
            throw new IllegalArgumentException("review.max_rounds must be at least 1, not " + maxRounds);
        }
    }

    /** The policy of project {@code key}: {@code loop.projects.<key>.review} of {@code projectTable}. */
    public static ReviewPolicy of(java.util.Map<String, Object> projectTable, String key) {
        ConfigTree t = new ConfigTree(projectTable).section(key).section("review");
        String where = "loop.projects." + key + ".review.";
        try {
            List<String> required = t.strings("required");
            return new ReviewPolicy(required.isEmpty() ? DEFAULT.required() : required,
                    Severity.parse(t.string("blocking", "major")),
                    PersonApproval.valueOf(t.string("person_approval", "never").toUpperCase(Locale.ROOT)),
                    t.strings("protected_paths"), t.integer("max_rounds", 2), t.bool("queue_follow_ups", false),
                    t.strings("dependency_allowlist"));
        } catch (IllegalArgumentException e) {
            throw new Problem(Problem.Kind.INVALID, where + ": " + e.getMessage()
                    + " (person_approval: never, always or protected)", "loop.projects");
        }
    }
}

package dev.voxloop.core.review;

/**
 * Port: looks at a change and says what it thinks. Implementations: the built-in rules (deterministic, no model),
 * a model reviewer, and reviews of people and other bots ingested from the forge.
 *
 * <p>A reviewer never changes anything; it may be asked again about the same head and must answer the same for a
 * deterministic reviewer. Input it cannot read (a diff that is not a unified diff) is a
 * {@link dev.voxloop.core.problem.Problem} of kind {@code INVALID}.
 */
public interface Reviewer {

    /** Short name, the author of its reviews and findings: {@code voxloop-rules}, {@code model:qwen2.5}. */
    String name();

    Review review(ReviewRequest request);
}

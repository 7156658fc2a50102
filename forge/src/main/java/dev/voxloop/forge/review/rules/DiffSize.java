package dev.voxloop.forge.review.rules;

import dev.voxloop.core.review.Category;
import dev.voxloop.core.review.Finding;
import dev.voxloop.core.review.Severity;
import java.util.List;

/**
 * The change is over the size limit: more added plus removed lines than a person reviews well at once. Lock files
 * are not counted (they are generated).
 */
public record DiffSize(int limit) implements Rule {

    public static final int DEFAULT_LIMIT = 400;

    public DiffSize {
        if (limit < 1) {
            throw new IllegalArgumentException("the size limit must be at least 1 changed line, not " + limit);
        }
    }

    @Override
    public Category category() {
        return Category.TOO_LARGE;
    }

    @Override
    public List<Finding> check(ReviewedChange change) {
        int changed = change.diff().changedLines(f -> !FileRoles.lockFile(f.path()));
        if (changed <= limit) {
            return List.of();
        }
        return List.of(finding(Severity.MINOR, null, null,
                "the change has " + changed + " changed lines, over the limit of " + limit,
                "split it into smaller pull requests, each reviewable on its own"));
    }
}

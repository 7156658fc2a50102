package dev.voxloop.forge.review.rules;

import dev.voxloop.core.review.Category;
import dev.voxloop.core.review.Finding;
import dev.voxloop.core.review.Severity;
import java.util.List;

/** One check of the built-in reviewer: a category of problem looked for in a parsed change. Deterministic. */
public sealed interface Rule permits WeakenedTests, Secrets, DebugLeftovers, DependencyChanges, OutOfScope,
        DiffSize, Traceability {

    /** The author of the built-in rules' findings. */
    String AUTHOR = "voxloop-rules";

    Category category();

    List<Finding> check(ReviewedChange change);

    /** A finding of this rule's category. */
    default Finding finding(Severity severity, String path, Integer line, String message, String suggestion) {
        return new Finding(path, line, severity, category(), message, suggestion, AUTHOR,
                category() == Category.OUT_OF_SCOPE);
    }
}

package dev.voxloop.core.loop;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The commit and branch conventions: commit subjects {@code KEY-123: Description} (at most 72 characters; merge,
 * revert, fixup and squash subjects pass; project keys may contain digits), branches
 * {@code {feature|bugfix|hotfix|refactor|docs}/KEY-123-slug}.
 */
public final class GitConventions {

    public static final List<String> BRANCH_TYPES = List.of("feature", "bugfix", "hotfix", "refactor", "docs");
    private static final Pattern COMMIT = Pattern.compile("^[A-Z][A-Z0-9]*-\\d+: \\S.*");
    private static final Pattern PASSING = Pattern.compile("^(Merge |Revert |fixup! |squash! |amend! ).*");
    private static final Pattern BRANCH = Pattern.compile("^(feature|bugfix|hotfix|refactor|docs)/[A-Z][A-Z0-9]*-\\d+"
            + "-[a-z0-9]+(-[a-z0-9]+)*$");
    public static final int SUBJECT_MAX = 72;

    private GitConventions() {
    }

    /** Why the message breaks the convention, or empty. Comment lines (#) are ignored as git does. */
    public static Optional<String> commitMessage(String message) {
        String subject = message.lines().filter(l -> !l.startsWith("#")).filter(l -> !l.isBlank()).findFirst()
                .orElse("");
        if (subject.isEmpty()) {
            return Optional.of("the commit message is empty");
        }
        if (PASSING.matcher(subject).matches()) {
            return Optional.empty();
        }
        if (!COMMIT.matcher(subject).matches()) {
            return Optional.of("commit subject '" + subject + "' must look like 'KEY-123: Description'");
        }
        if (subject.length() > SUBJECT_MAX) {
            return Optional.of("commit subject is " + subject.length() + " characters; keep it at most " + SUBJECT_MAX);
        }
        return Optional.empty();
    }

    /** Why the branch name breaks the convention, or empty. */
    public static Optional<String> branchName(String branch) {
        return BRANCH.matcher(branch).matches() ? Optional.empty()
                : Optional.of("branch '" + branch + "' must look like feature/KEY-123-short-slug (types: "
                + String.join(", ", BRANCH_TYPES) + ")");
    }

    /** {@code {type}/{KEY}-{slug}}: slug lower-case, hyphenated, at most 50 characters, never empty. */
    public static String branchFor(String type, String key, String summary) {
        String slug = summary == null ? "" : java.text.Normalizer.normalize(summary, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-|-$", "");
        if (slug.length() > 50) {
            slug = slug.substring(0, 50).replaceAll("-[^-]*$", "");
        }
        if (slug.isEmpty()) {
            slug = "task";
        }
        return (BRANCH_TYPES.contains(type) ? type : "feature") + "/" + key + "-" + slug;
    }
}

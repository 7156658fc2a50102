package dev.voxloop.forge.ci;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The check every pull request gets: the title is {@code KEY-1: summary}, the head branch is
 * {@code {feature|bugfix|hotfix|refactor|docs}/KEY-1-slug}, and both name the same ticket.
 */
public final class PullRequestValidation {

    public static final String NAME = "pr-validation";
    private static final Pattern TITLE = Pattern.compile("^([A-Z][A-Z0-9]*-\\d+): \\S.*$");
    private static final Pattern BRANCH = Pattern.compile(
            "^(?:feature|bugfix|hotfix|refactor|docs)/([A-Z][A-Z0-9]*-\\d+)-[a-z0-9][a-z0-9-]*$");

    private PullRequestValidation() {
    }

    /** The problems found; empty when the pull request passes. */
    public static List<String> problems(String title, String branch) {
        List<String> out = new ArrayList<>();
        Matcher t = TITLE.matcher(title == null ? "" : title);
        Matcher b = BRANCH.matcher(branch == null ? "" : branch);
        if (!t.matches()) {
            out.add("title '" + title + "' is not 'KEY-123: summary'");
        }
        if (!b.matches()) {
            out.add("branch '" + branch + "' is not '{feature|bugfix|hotfix|refactor|docs}/KEY-123-slug'");
        }
        if (t.matches() && b.matches() && !t.group(1).equals(b.group(1))) {
            out.add("title names " + t.group(1) + " but the branch names " + b.group(1));
        }
        return out;
    }
}

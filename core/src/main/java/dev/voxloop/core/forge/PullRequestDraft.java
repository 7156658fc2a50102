package dev.voxloop.core.forge;

/**
 * What is needed to open a pull request.
 *
 * @param title {@code KEY-1: summary}
 * @param body  markdown: the ticket link, the acceptance criteria, the gate results
 * @param head  the task branch
 * @param base  the branch to merge into (the repository's default branch)
 */
public record PullRequestDraft(String title, String body, String head, String base) {

    public PullRequestDraft {
        if (title == null || title.isBlank() || head == null || head.isBlank() || base == null || base.isBlank()) {
            throw new IllegalArgumentException("a pull request needs a title, a head branch and a base branch");
        }
        body = body == null ? "" : body;
    }
}

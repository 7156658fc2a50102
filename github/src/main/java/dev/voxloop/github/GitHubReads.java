package dev.voxloop.github;

import com.fasterxml.jackson.databind.JsonNode;
import dev.voxloop.core.forge.Check;
import dev.voxloop.core.forge.FileChange;
import dev.voxloop.core.forge.Mergeability;
import dev.voxloop.core.forge.PullRequest;
import dev.voxloop.core.forge.PullRequestComment;
import dev.voxloop.core.forge.PullRequestCommit;
import dev.voxloop.core.forge.PullRequestState;
import dev.voxloop.core.forge.Review;
import dev.voxloop.core.forge.ReviewComment;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** GitHub's JSON (pull-request, check-run, status, review, diff-entry) as the forge port's records. */
final class GitHubReads {

    private GitHubReads() {
    }

    static PullRequest pullRequest(JsonNode n) {
        PullRequestState state = n.path("merged").asBoolean() || n.hasNonNull("merged_at") ? PullRequestState.MERGED
                : n.path("state").asText().equals("open") ? PullRequestState.OPEN : PullRequestState.CLOSED;
        return new PullRequest(n.path("number").asInt(), n.path("title").asText(), n.path("body").asText(""),
                n.path("head").path("ref").asText(), n.path("head").path("sha").asText(),
                n.path("base").path("ref").asText(), state,
                state == PullRequestState.OPEN ? mergeability(n.path("mergeable_state").asText("unknown"))
                        : Mergeability.UNKNOWN,
                n.path("html_url").asText(), n.path("user").path("login").asText(),
                state == PullRequestState.MERGED ? text(n, "merge_commit_sha") : null,
                instant(n, "created_at"), instant(n, "updated_at"));
    }

    static Mergeability mergeability(String state) {
        return switch (state) {
            case "clean", "has_hooks" -> Mergeability.CLEAN;
            case "unstable" -> Mergeability.UNSTABLE;
            case "behind" -> Mergeability.BEHIND;
            case "dirty" -> Mergeability.CONFLICTING;
            case "blocked", "draft" -> Mergeability.BLOCKED;
            default -> Mergeability.UNKNOWN;
        };
    }

    /** A check run; its id is the check run's id, which for GitHub Actions is also the job's id. */
    static Check checkRun(JsonNode n) {
        Check.Status status = switch (n.path("status").asText()) {
            case "completed" -> Check.Status.COMPLETED;
            case "in_progress" -> Check.Status.IN_PROGRESS;
            default -> Check.Status.QUEUED;
        };
        Check.Conclusion conclusion = status == Check.Status.COMPLETED
                ? Check.Conclusion.valueOf(n.path("conclusion").asText("failure").toUpperCase(Locale.ROOT)) : null;
        JsonNode out = n.path("output");
        String summary = String.join("\n", List.of(out.path("title").asText(""), out.path("summary").asText("")))
                .strip();
        return new Check(n.path("id").asText(), n.path("name").asText(), n.path("head_sha").asText(), status,
                conclusion, instant(n, "started_at"), instant(n, "completed_at"), summary, List.of(),
                text(n, "details_url") != null ? text(n, "details_url") : text(n, "html_url"));
    }

    /** A commit status; its id is {@code status:<context>}, since statuses have no log or re-run. */
    static Check status(JsonNode n, String sha) {
        String state = n.path("state").asText();
        boolean done = !state.equals("pending");
        Check.Conclusion c = !done ? null : state.equals("success") ? Check.Conclusion.SUCCESS : Check.Conclusion.FAILURE;
        Instant at = instant(n, "updated_at");
        return new Check("status:" + n.path("context").asText(), n.path("context").asText(), sha,
                done ? Check.Status.COMPLETED : Check.Status.IN_PROGRESS, c, instant(n, "created_at"),
                done ? at : null, n.path("description").asText(""), List.of(), text(n, "target_url"));
    }

    static PullRequestComment comment(JsonNode n) {
        return new PullRequestComment(n.path("id").asText(), n.path("user").path("login").asText(),
                n.path("body").asText(""), instant(n, "created_at"));
    }

    static PullRequestCommit commit(JsonNode n) {
        JsonNode c = n.path("commit");
        String author = n.path("author").path("login").asText(c.path("author").path("name").asText());
        return new PullRequestCommit(n.path("sha").asText(), c.path("message").asText(), author,
                instant(c.path("author"), "date"));
    }

    static FileChange file(JsonNode n) {
        FileChange.Status s = switch (n.path("status").asText()) {
            case "added" -> FileChange.Status.ADDED;
            case "removed" -> FileChange.Status.REMOVED;
            case "renamed" -> FileChange.Status.RENAMED;
            case "copied" -> FileChange.Status.COPIED;
            default -> FileChange.Status.MODIFIED;
        };
        return new FileChange(n.path("filename").asText(), text(n, "previous_filename"), s,
                n.path("additions").asInt(), n.path("deletions").asInt(), n.path("patch").asText(""));
    }

    static Review review(JsonNode n, List<ReviewComment> comments) {
        Review.State s;
        try {
            s = Review.State.valueOf(n.path("state").asText("COMMENTED"));
        } catch (IllegalArgumentException e) {
            s = Review.State.COMMENTED;
        }
        return new Review(n.path("id").asText(), n.path("user").path("login").asText(), s, n.path("body").asText(""),
                n.path("commit_id").asText(), instant(n, "submitted_at"), comments);
    }

    static ReviewComment lineComment(JsonNode n) {
        int line = n.hasNonNull("line") ? n.get("line").asInt() : n.path("original_line").asInt();
        return new ReviewComment(n.path("path").asText(), line, n.path("body").asText(""));
    }

    static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    static Instant instant(JsonNode n, String field) {
        String s = text(n, field);
        return s == null || s.isBlank() ? null : Instant.parse(s);
    }
}

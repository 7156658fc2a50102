package dev.voxloop.core.forge;

import java.time.Instant;

/** A conversation comment on a pull request (GitHub: an issue comment). */
public record PullRequestComment(String id, String author, String body, Instant createdAt) {
}

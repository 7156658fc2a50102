package dev.voxloop.core.forge;

import java.time.Instant;

/** A commit on a pull request's branch. {@code message} is the full message, subject first. */
public record PullRequestCommit(String sha, String message, String author, Instant authoredAt) {

    public String subject() {
        int nl = message == null ? -1 : message.indexOf('\n');
        return message == null ? "" : nl < 0 ? message : message.substring(0, nl);
    }
}

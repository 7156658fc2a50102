package dev.voxloop.core.forge;

/**
 * A comment on one line of a pull request's diff.
 *
 * @param line the line in the file's new version (GitHub: {@code line} with {@code side: RIGHT})
 */
public record ReviewComment(String path, int line, String body) {
}

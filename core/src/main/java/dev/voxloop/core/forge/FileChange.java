package dev.voxloop.core.forge;

/**
 * One file a pull request changes (GitHub's {@code diff-entry}).
 *
 * @param previousPath the old path of a renamed or copied file, else null
 * @param patch        the unified-diff hunks ({@code @@ ... @@} onwards), empty for a binary file or one too large
 */
public record FileChange(String path, String previousPath, Status status, int additions, int deletions,
                         String patch) {

    public FileChange {
        patch = patch == null ? "" : patch;
    }

    public enum Status {
        ADDED, MODIFIED, REMOVED, RENAMED, COPIED
    }
}
